package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

// errors.As with a target that already holds a value: a loop that reuses
// one variable for each error, and a target set before the call.
func main() {
	errs := []error{
		&NotFound{"a"},
		fmt.Errorf("wrapped: %w", &NotFound{"b"}),
		errors.New("other"),
	}
	var nf *NotFound
	for _, err := range errs {
		if errors.As(err, &nf) {
			fmt.Println("found", nf.Key)
		} else {
			fmt.Println("not a NotFound:", err)
		}
	}
	pre := &NotFound{"pre"}
	fmt.Println(errors.As(errs[0], &pre), pre.Key)
}

// Output:
// found a
// found b
// not a NotFound: other
// true a
