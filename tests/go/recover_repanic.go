package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	defer fmt.Println("deferred before the panic runs first")
	var m map[int]int
	m[1] = 2
}

// Output:
// deferred before the panic runs first
// recovered: assignment to entry in nil map
