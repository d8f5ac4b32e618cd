package main

import "fmt"

// Go's runtime calls a panic value's String or Error method newest first,
// prints what it returns even when empty, and gives up with a fatal error
// when the method panics. A zero named bool keeps its type and methods.

type Flag bool

func (f Flag) String() string {
	if f {
		return "ON"
	}
	return "OFF"
}

type E struct{ n int }

func (e E) Error() string { panic("inner") }

func main() {
	var z Flag
	var s fmt.Stringer = z
	fmt.Println(s.String(), z, struct{ F Flag }{})
	fmt.Printf("%T %v\n", make([]Flag, 1)[0], map[string]Flag{}["x"])
	panic(E{1})
}

// Output:
// OFF OFF {OFF}
// main.Flag OFF
// Error: fatal error: panic while printing panic value: inner
