package main

// An untyped constant in an expression takes the other operand's type.

import "fmt"

var g = 2

func main() {
	const k = 2
	f := 1.5
	x := k * f
	x = 0.25
	fmt.Println(x)
	var h float64 = 3
	w := k / h
	w = 0.5
	fmt.Println(w)
	m := (k + 1) * f
	m = 0.75
	fmt.Println(m)
	c := 'a'
	c = 98
	fmt.Println(c)
}

// Output:
// 0.25
// 0.5
// 0.75
// 98
