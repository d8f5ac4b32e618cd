package main

// Local untyped constants, := from Durations and interfaces: each variable
// keeps the type Go gives it.

import (
	"fmt"
	"time"
)

func main() {
	const scale = 2
	x := 1.25
	y := scale * x
	y += 0.5
	fmt.Println(y)
	y = x / 3
	fmt.Println(y)
	total := 0.0
	const n = 4
	avg := total / n
	avg = x
	fmt.Println(avg)
	d := time.Second
	d = 500
	fmt.Println(d)
	var e any
	e, f := 1, 2
	e = "str"
	fmt.Println(e, f)
	e = 2.5
	fmt.Println(e)
}

// Output:
// 3
// 0.4166666666666667
// 1.25
// 500ns
// str 2
// 2.5
