package main

import "fmt"

func main() {
	n := 0
	for i := range 4 {
		n += i
	}
	fmt.Println(n)
}

// Needs: go1.22
// Output:
// 6
