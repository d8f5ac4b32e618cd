package main

import (
	"errors"
	"fmt"
)

// An interface holding a nil pointer is not nil, interfaces compare their
// dynamic types, and a pointer method runs on a nil receiver.

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func find(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

type Tree struct {
	L, R *Tree
	V    int
}

func (t *Tree) Sum() int {
	if t == nil {
		return 0
	}
	return t.V + t.L.Sum() + t.R.Sum()
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
	t := &Tree{V: 1, L: &Tree{V: 2}}
	fmt.Println(t.Sum())
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
// 3
// <nil>
// <nil>|<nil>
