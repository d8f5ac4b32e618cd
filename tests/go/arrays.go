package main

import "fmt"

func main() {
	var a [3]int
	a[1] = 5
	b := a
	b[0] = 9
	fmt.Println(a, b, len(a))
	c := [...]string{"x", "y"}
	fmt.Println(c, len(c))
	s := a[:]
	s[2] = 7
	fmt.Println(a)
}

// Output:
// [0 5 0] [9 5 0] 3
// [x y] 2
// [0 5 7]
