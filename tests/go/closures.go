package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := []int{}
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	fmt.Println(apply([]int{1, 2, 3}, func(x int) int { return x * x }))
	d := counter()
	fmt.Println(d(), c())
}

// Output:
// 3
// [1 4 9]
// 1 4
