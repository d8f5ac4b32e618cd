// fmt.Errorf's %w wraps an error of the program's own type: it prints
// through its Error method, and errors.Is and errors.Unwrap find the
// value itself, by pointer or by value.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func main() {
	base := &NotFound{"k"}
	w := fmt.Errorf("lookup: %w", base)
	fmt.Println(w)
	fmt.Println(errors.Is(w, base), errors.Unwrap(w) == base)
	var err error = base
	w2 := fmt.Errorf("again: %w", fmt.Errorf("inner %d: %w", 2, err))
	fmt.Println(w2, errors.Is(w2, err))
	c := fmt.Errorf("call: %w", Code(7))
	fmt.Println(c, errors.Is(c, Code(7)), errors.Is(c, Code(8)))
	fmt.Printf("%T %v\n", w, errors.Is(w, &NotFound{"k"}))
}

// Output:
// lookup: not found: k
// true true
// again: inner 2: not found: k true
// call: code 7 true false
// *fmt.wrapError false
