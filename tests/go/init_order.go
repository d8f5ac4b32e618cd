package main

import "fmt"

// Package-level variables initialise in dependency order, the earliest
// declared first among those ready: a reads b and c, which call f, which
// reads and changes d; pair reads a and d through a function.
var (
	a = c + b
	b = f()
	c = f()
	d = 3
)

func f() int {
	d++
	return d
}

var x, y = pair()

func pair() (int, int) { return a, d }

var total = compute()

func compute() float64 { return base * 2 }

var base = 1.5

func main() {
	fmt.Println(a, b, c, d, x, y)
	fmt.Println(total, base)
}

// Output:
// 9 4 5 5 9 5
// 3 1.5
