// Starting a goroutine with a nil function value is fatal: the runtime
// stops the program, which no recover can catch.
package main

import "fmt"

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var f func()
	fmt.Println("before")
	go f()
	fmt.Println("never")
}

// Output:
// before
// Error: fatal error: go of nil func value
