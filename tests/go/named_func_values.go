package main

// A func literal assigned or passed as a named func type gets its methods.

import "fmt"

type H func(int) int

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

func apply(h H, x int) int { return h.Twice(x) }

func main() {
	fmt.Println(3)
	h := H(func(x int) int { return x * 2 })
	fmt.Println(h.Twice(3))
	t := &Tree{L: &Tree{V: 2}, V: 1}
	fmt.Println(t.Sum())
	fmt.Println(deep(250))
	var ifc interface{ Sum() int } = (*Tree)(nil)
	fmt.Println(ifc.Sum(), ifc != nil)
}

// Output:
// 3
// 12
// 3
// 250
// 0 true
