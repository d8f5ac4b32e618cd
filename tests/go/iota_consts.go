package main

import "fmt"

const (
	A = iota * 10
	B
	C
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
)

const greeting = "hi"

func main() {
	fmt.Println(A, B, C, KB, MB, greeting)
}

// Output:
// 0 10 20 1024 1048576 hi
