package main

// fmt.Stringer is an interface a program can name.

import "fmt"

type C int

func (c C) String() string { return fmt.Sprint("C", int(c)) }

func describe(x any) string {
	switch v := x.(type) {
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %v", v)
	}
}

func main() {
	var s fmt.Stringer = C(2)
	fmt.Println(s, describe(C(1)), describe(3))
	fmt.Printf("%T\n", s)
}

// Output:
// C2 stringer C1 other 3
// main.C
