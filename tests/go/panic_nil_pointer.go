package main

import "fmt"

type T struct{ x int }

func main() {
	var p *T
	fmt.Println(p.x)
}

// Output:
// Error: panic: runtime error: invalid memory address or nil pointer dereference
