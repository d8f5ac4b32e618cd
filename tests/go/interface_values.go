package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q *Sq) Area() float64 { return q.s * q.s }

type Circle struct{ r int }

func (c Circle) Area() float64 { return float64(3 * c.r * c.r) }

type MyErr struct{ msg string }

func (e *MyErr) Error() string { return "my: " + e.msg }

type Named string

func (n Named) String() string { return "<" + string(n) + ">" }

func find(ok bool) error {
	if ok {
		return nil
	}
	return &MyErr{"gone"}
}

// Method sets: a pointer has its type's value and pointer methods, a value
// only its value methods, so each of these is an interface value Go takes.
func main() {
	shapes := []Shape{&Sq{2}, Circle{1}, &Circle{2}}
	for _, s := range shapes {
		fmt.Println(s.Area())
	}
	var st fmt.Stringer = Named("n")
	fmt.Println(st, find(false), find(true))
	var me *MyErr
	fmt.Println(errors.As(find(false), &me), me.msg)
}

// Output:
// 4
// 3
// 12
// <n> my: gone <nil>
// true gone
