// A String or Error method that panics does not end the program: fmt
// recovers and prints the panic in its place, as Go does.
package main

import (
	"errors"
	"fmt"
)

type P struct{}

func (P) String() string { panic("boom") }

type E struct{}

func (E) Error() string { panic(errors.New("bad")) }

type D struct{}

func (D) String() string {
	defer fmt.Println("deferred in String")
	var m map[string]int
	m["x"] = 1
	return "never"
}

func main() {
	fmt.Println(P{}, "after")
	fmt.Printf("%s|%v\n", E{}, []P{{}})
	fmt.Println(D{})
	s := fmt.Sprint(P{})
	fmt.Println(len(s) > 0)
}

// Output:
// %!v(PANIC=String method: boom) after
// %!s(PANIC=Error method: bad)|[%!v(PANIC=String method: boom)]
// deferred in String
// %!v(PANIC=String method: assignment to entry in nil map)
// true
