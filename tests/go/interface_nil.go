package main

import (
	"errors"
	"fmt"
)

// An interface holding a nil pointer is not nil, interfaces compare their
// dynamic types, and fmt prints a nil *S as <nil>, though its String
// method would panic on it.

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func find(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

type S struct{ n int }

func (s *S) String() string { return fmt.Sprint("S", s.n) }

func main() {
	err := find(false)
	fmt.Println(err == nil, err != nil)
	var p *MyErr
	fmt.Println(p == nil)
	var e error
	fmt.Println(e == nil)
	e = p
	fmt.Println(e == nil, e == (*MyErr)(nil))
	fmt.Println(any(1) == any(1.0), any(1) == any(1), any(int64(1)) == any(1))
	fmt.Println(errors.Is(err, nil), errors.Is(nil, nil))
	fmt.Printf("%v %T\n", err, err)
	var s *S
	fmt.Println(s)
	fmt.Printf("%v|%s\n", s, s)
}

// Output:
// false true
// true
// true
// false true
// false true false
// false true
// my error *main.MyErr
// <nil>
// <nil>|<nil>
