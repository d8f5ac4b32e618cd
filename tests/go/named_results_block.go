package main

import (
	"errors"
	"fmt"
)

func g() (int, error) { return 1, errors.New("boom") }

// A function's parameters and results are in its body's block: := there
// assigns to a named result (it declared a new one, and Go's usual
// `x, err := g()` then failed to compile as unused).
func f() (err error) {
	x, err := g()
	_ = x
	return
}

func h(a int) (n int) {
	n, b := a*2, 1
	_ = b
	return
}

func main() {
	fmt.Println(f(), h(4))
}

// Output:
// boom 8
