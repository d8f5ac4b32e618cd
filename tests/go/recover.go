package main

import "fmt"

func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

func main() {
	fmt.Println(safe(func() { panic("boom") }))
	fmt.Println(safe(func() {
		var xs []int
		_ = xs[3]
	}))
	fmt.Println(safe(func() {}))
}

// Output:
// recovered: boom
// recovered: runtime error: index out of range [3] with length 0
// <nil>
