package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func find(k string) error {
	if k == "" {
		return &MyErr{400}
	}
	return fmt.Errorf("find %q: %w", k, ErrNotFound)
}

func main() {
	err := find("x")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(errors.New("not found"), ErrNotFound))
	fmt.Println(errors.Unwrap(err) == ErrNotFound)
	e2 := find("")
	fmt.Println(e2)
	if me, ok := e2.(*MyErr); ok {
		fmt.Println(me.Code)
	}
}

// Output:
// find "x": not found
// true false
// true
// code 400
// 400
