package main

// Runtime errors recovered and printed, with %T as Go's runtime makes
// them.

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v\n", name, r)
		if e, ok := r.(error); ok {
			fmt.Println("  as error:", e.Error())
			fmt.Printf("  %T\n", r)
		}
	}()
	f()
}

type T struct{ x int }

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("slice2", func() { j := 2; k := 1; _ = s[j:k] })
	var m map[string]int
	try("nilmap", func() { m["a"] = 1 })
	var p *T
	try("nilptr", func() { _ = p.x })
	z := 0
	try("div", func() { _ = 10 / z })
	try("mod", func() { _ = 10 % z })
	var a any = "str"
	try("assert", func() { _ = a.(int) })
	try("custom", func() { panic(fmt.Errorf("wrapped %d", 3)) })
	try("sprintf", func() { panic(fmt.Sprintf("v=%d", 7)) })
	arr := [3]int{}
	try("arr", func() { _ = arr[i%4] })
	str := "abc"
	try("stridx", func() { _ = str[i] })
}

// Output:
// index: runtime error: index out of range [5] with length 3
//   as error: runtime error: index out of range [5] with length 3
//   runtime.boundsError
// slice: runtime error: slice bounds out of range [:5] with capacity 3
//   as error: runtime error: slice bounds out of range [:5] with capacity 3
//   runtime.boundsError
// slice2: runtime error: slice bounds out of range [2:1]
//   as error: runtime error: slice bounds out of range [2:1]
//   runtime.boundsError
// nilmap: assignment to entry in nil map
//   as error: assignment to entry in nil map
//   runtime.plainError
// nilptr: runtime error: invalid memory address or nil pointer dereference
//   as error: runtime error: invalid memory address or nil pointer dereference
//   runtime.errorString
// div: runtime error: integer divide by zero
//   as error: runtime error: integer divide by zero
//   runtime.errorString
// mod: runtime error: integer divide by zero
//   as error: runtime error: integer divide by zero
//   runtime.errorString
// assert: interface conversion: interface {} is string, not int
//   as error: interface conversion: interface {} is string, not int
//   *runtime.TypeAssertionError
// custom: wrapped 3
//   as error: wrapped 3
//   *errors.errorString
// sprintf: v=7
// arr: <nil>
// stridx: runtime error: index out of range [5] with length 3
//   as error: runtime error: index out of range [5] with length 3
//   runtime.boundsError
