package main

// A named func type's methods, on a nil value too, and on a func literal
// converted, assigned or passed as that type; methods on nil pointers.

import "fmt"

type H func(int) int

func (h H) Safe(x int) int {
	if h == nil {
		return -1
	}
	return h(x)
}

func (h H) Twice(x int) int { return h(h(x)) }

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

func deep(n int) int {
	defer func() {
		if n%100 == 0 {
			recover()
		}
	}()
	if n == 0 {
		panic("bottom")
	}
	return deep(n-1) + 1
}

func variadic(fs ...func(...int) (int, error)) {}

func apply(h H, x int) int { return h.Twice(x) }

func main() {
	var h H
	fmt.Println(h.Safe(3))
	h = func(x int) int { return x * 2 }
	fmt.Println(h.Safe(3))
	fmt.Printf("%T %T %T\n", h, variadic, deep)
	conv := H(func(x int) int { return x + 1 })
	fmt.Println(conv.Twice(3), apply(func(x int) int { return x * 3 }, 2))
	t := &Tree{L: &Tree{V: 2}, V: 1}
	fmt.Println(t.Sum())
	fmt.Println(deep(250))
	var ifc interface{ Sum() int } = (*Tree)(nil)
	fmt.Println(ifc.Sum(), ifc != nil)
	g := H(nil)
	fmt.Println(g.Safe(1), g == nil)
}

// Output:
// -1
// 6
// main.H func(...func(...int) (int, error)) func(int) int
// 5 18
// 3
// 250
// 0 true
// -1 true
