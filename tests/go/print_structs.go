package main

// How %v, %+v and Println print nested structs, pointers, maps, nils and
// floats; a constant has no negative zero.

import (
	"errors"
	"fmt"
	"time"
)

type Inner struct {
	N    int
	Tags []string
}

type Outer struct {
	Name  string
	In    Inner
	P     *Inner
	M     map[string]int
	Err   error
	D     time.Duration
	F     float64
	Any   any
	Ch    chan int
	Fn    func()
	inner int
}

func main() {
	o := Outer{Name: "x", In: Inner{1, []string{"a"}}, P: &Inner{N: 2}, M: map[string]int{"b": 2, "a": 1}, Err: errors.New("bad"), D: 1500 * time.Millisecond, F: 2.50, Any: 3}
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", o.In)
	fmt.Printf("%v %+v\n", o.M, o.D)
	fmt.Println(o.Err, o.F, o.Any, o.Ch == nil, o.Fn == nil)
	fmt.Printf("%v|%d|%s\n", []any{1, "a", nil, 2.5, true}, []int{1, 2}, []string{"x", "y"})
	fmt.Printf("%+v\n", struct {
		A int
		B string
	}{1, "z"})
	fmt.Printf("%v %+v\n", &o.In, &o.In)
	type pair struct{ k, v int }
	fmt.Println([]pair{{1, 2}, {3, 4}}, [2]bool{true})
	var np *Inner
	fmt.Println(np, []*Inner{nil})
	fmt.Printf("%5.2f|%-6v|%6v|\n", 3.14159, "ab", 12)
	fmt.Println(1e6, 1e21, 123456789.0, 0.000001, float32(1)/3, -0.0)
}

// Output:
// {1 [a]}
// {N:1 Tags:[a]}
// map[a:1 b:2] 1.5s
// bad 2.5 3 true true
// [1 a <nil> 2.5 true]|[1 2]|[x y]
// {A:1 B:z}
// &{1 [a]} &{N:1 Tags:[a]}
// [{1 2} {3 4}] [true false]
// <nil> [<nil>]
//  3.14|ab    |    12|
// 1e+06 1e+21 1.23456789e+08 1e-06 0.33333334 0
