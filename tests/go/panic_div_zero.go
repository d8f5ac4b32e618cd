package main

import "fmt"

func div(a, b int) int { return a / b }

func main() {
	fmt.Println(div(1, 0))
}

// Output:
// Error: panic: runtime error: integer divide by zero
