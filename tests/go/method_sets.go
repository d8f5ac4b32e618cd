package main

// Method sets decide interface satisfaction (a struct value lacks its
// pointer methods), a named func type has methods, and %T of a func
// prints its signature.

import (
	"fmt"
	"strings"
)

type Shower interface{ Show() string }

type V struct{}

func (V) Show() string { return "V" }

type P struct{}

func (*P) Show() string { return "P" }

type HandlerFunc func(string) string

func (h HandlerFunc) Serve(s string) string { return "served " + h(s) }

func kind(x any) string {
	switch v := x.(type) {
	case Shower:
		return "shower " + v.Show()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	fmt.Println(kind(V{}), kind(&V{}), kind(&P{}), kind(P{}))
	h := HandlerFunc(func(s string) string { return strings.ToUpper(s) })
	fmt.Println(h.Serve("x"))
	f := func(a int, b string) (bool, error) { return false, nil }
	var sum func(...int) int
	fmt.Printf("%T|%T|%T|%T\n", f, h, main, sum)
	var sh Shower = &P{}
	_, isV := sh.(V)
	fmt.Println(isV)
	_, ok := any(P{}).(Shower)
	fmt.Println(ok)
}

// Output:
// shower V shower V shower P other main.P
// served X
// func(int, string) (bool, error)|main.HandlerFunc|func()|func(...int) int
// false
// false
