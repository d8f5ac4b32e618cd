package main

import "fmt"

type T int

func (t T) String() string { panic("String broke") }

// A deferred call that recovers and then panics again: Go prints the
// recovered panic, marked so, ahead of the new one. fmt recovers a panic
// in a String method even inside a deferred call.
func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "then", T(1))
		panic(fmt.Sprint("second after ", r))
	}()
	panic("first")
}

// Output:
// recovered first then %!v(PANIC=String method: String broke)
// Error: panic: first [recovered]
