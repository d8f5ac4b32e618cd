package main

import "fmt"

// An unrecovered panic prints its value through the value's Error (or
// String) method, as Go's runtime does, after the deferred calls ran.

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprintf("code %d", e.code) }

func main() {
	defer fmt.Println("deferred")
	panic(&E{42})
}

// Output:
// deferred
// Error: panic: code 42
