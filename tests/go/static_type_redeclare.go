package main

// A := that redeclares a variable keeps its type; an interface variable
// takes any value.

import "fmt"

const k = 2

func main() {
	f := 1.5
	x := k * f
	x = 0.25
	fmt.Println(x)

	var y float64
	y, z := 1, 2
	y = 2.5
	fmt.Println(y, z)

	var e error
	e, n := mk()
	fmt.Println(e != nil, n)
	e = nil
	fmt.Println(e == nil)
}

type MyErr struct{}

func (*MyErr) Error() string { return "my" }

func mk() (*MyErr, int) { return nil, 3 }

// Output:
// 0.25
// 2.5 2
// true 3
// true
