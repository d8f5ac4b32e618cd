package main

// copy and append copy struct elements: changing the copy leaves the
// original alone.

import "fmt"

type T struct{ a int }

func main() {
	a := []T{{1}, {2}}
	b := make([]T, 2)
	copy(b, a)
	b[0].a = 100
	fmt.Println(a, b)

	c := append([]T(nil), a...)
	c[1].a = 200
	fmt.Println(a, c)

	d := append(a[:0:0], a...)
	d[0].a = 300
	fmt.Println(a, d)

	arrs := [][2]int{{1, 2}}
	e := make([][2]int, 1)
	copy(e, arrs)
	e[0][0] = 9
	fmt.Println(arrs, e)
}

// Output:
// [{1} {2}] [{100} {2}]
// [{1} {2}] [{1} {200}]
// [{1} {2}] [{300} {2}]
// [[1 2]] [[9 2]]
