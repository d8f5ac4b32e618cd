package main

import "fmt"

func main() {
	xs := []int{10, 20, 30}
	for i, x := range xs {
		fmt.Println(i, x)
	}
	total := 0
	for _, x := range xs {
		total += x
	}
	for i := range xs {
		xs[i] *= 2
	}
	fmt.Println(total, xs)
}

// Output:
// 0 10
// 1 20
// 2 30
// 60 [20 40 60]
