package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	i := 5
	fmt.Println(xs[i])
}

// Output:
// Error: panic: runtime error: index out of range [5] with length 3
