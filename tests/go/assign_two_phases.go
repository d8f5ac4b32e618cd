package main

import "fmt"

type P struct{ n int }

// An assignment of several values evaluates the index and pointer
// operands on the left first, then the right, then assigns in order.
func main() {
	a := []int{0, 0, 0}
	i := 0
	i, a[i] = 1, 99
	fmt.Println(i, a)
	m := map[string]int{}
	k := "x"
	k, m[k] = "y", 5
	fmt.Println(k, m)
	p := &P{1}
	q := p
	p, p.n = &P{2}, 7
	fmt.Println(p.n, q.n)
	x, y := 1, 2
	ptr := &x
	ptr, *ptr = &y, 10
	fmt.Println(x, y, *ptr)
	b := [3]int{1, 2, 3}
	b[0], b[2] = b[2], b[0]
	fmt.Println(b)
}

// Output:
// 1 [99 0 0]
// y map[x:5]
// 2 7
// 10 2 2
// [3 2 1]
