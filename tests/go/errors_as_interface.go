// errors.As with an interface target: it matches the first error in the
// chain that implements the interface, though the nil variable holds no type.
package main

import (
	"errors"
	"fmt"
)

type TimeoutErr struct{ op string }

func (e *TimeoutErr) Error() string { return e.op + ": timeout" }
func (e *TimeoutErr) Timeout() bool { return true }

type timeouter interface{ Timeout() bool }

func main() {
	err := fmt.Errorf("fetch: %w", &TimeoutErr{"read"})
	var t timeouter
	fmt.Println(errors.As(err, &t), t != nil)
	if t != nil {
		fmt.Println(t.Timeout())
	}
	var e error
	fmt.Println(errors.As(err, &e), e)
	var te *TimeoutErr
	fmt.Println(errors.As(err, &te), te.op)
	var s fmt.Stringer
	fmt.Println(errors.As(err, &s), s == nil)
}

// Output:
// true true
// true
// true fetch: read: timeout
// true read
// false true
