package main

// errors.Is, As and Unwrap follow Unwrap methods written in Go as well
// as %w, and use an error's own Is method.

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryErr struct {
	Q   string
	Err error
}

func (e *QueryErr) Error() string { return e.Q + ": " + e.Err.Error() }
func (e *QueryErr) Unwrap() error { return e.Err }

type Temp struct{}

func (Temp) Error() string   { return "temp" }
func (Temp) Is(t error) bool { return t == ErrNotFound }

func find(q string) error {
	return fmt.Errorf("find: %w", &QueryErr{q, ErrNotFound})
}

func main() {
	err := find("users")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, errors.New("not found")))
	var qe *QueryErr
	if errors.As(err, &qe) {
		fmt.Println("as:", qe.Q, qe.Err == ErrNotFound)
	}
	var t Temp
	fmt.Println(errors.As(err, &t), errors.Is(Temp{}, ErrNotFound))
	fmt.Println(errors.Unwrap(err) == error(qe), errors.Unwrap(errors.Unwrap(err)) == ErrNotFound, errors.Unwrap(ErrNotFound))
	fmt.Println(errors.Is(nil, nil), errors.Is(err, nil))
}

// Output:
// find: users: not found
// true false
// as: users true
// false true
// true true <nil>
// true false
