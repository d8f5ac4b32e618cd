package main

// append copies what it adds, and a grown slice's new array holds copies:
// a pointer into the old one no longer reaches it.

import "fmt"

type T struct{ a int }

func main() {
	ss := make([]T, 2)
	r := &ss[1]
	ss = append(ss, T{})
	r.a = 7
	fmt.Println(ss[1].a, r.a, cap(ss) >= 3)

	is := make([]int, 2)
	ip := &is[1]
	is = append(is, 0)
	*ip = 7
	fmt.Println(is[1], *ip)

	// no realloc: shared
	js := make([]int, 2, 4)
	jp := &js[1]
	js = append(js, 0)
	*jp = 7
	fmt.Println(js[1], *jp)

	// copy of struct element
	a := []T{{1}, {2}}
	b := make([]T, 2)
	copy(b, a)
	b[0].a = 100
	fmt.Println(a[0].a, b[0].a)

	// array value copy
	arr := [2]T{{1}, {2}}
	arr2 := arr
	arr2[0].a = 50
	fmt.Println(arr[0].a, arr2[0].a)

	// struct in map copy
	m := map[string]T{"x": {1}}
	v := m["x"]
	v.a = 9
	fmt.Println(m["x"].a, v.a)

	// range value copy
	for _, e := range a {
		e.a = 1000
	}
	fmt.Println(a)
	// slice of arrays
	sa := [][2]int{{1, 2}}
	row := sa[0]
	row[0] = 99
	fmt.Println(sa, row)
	// append of struct then modify original
	t := T{5}
	ts := []T{}
	ts = append(ts, t)
	t.a = 6
	fmt.Println(ts, t)
	// append(s[:1], s[2:]...) overlapping
	x := []int{1, 2, 3, 4, 5}
	x = append(x[:1], x[2:]...)
	fmt.Println(x, len(x), cap(x))
}

// Output:
// 0 7 true
// 0 7
// 7 7
// 1 100
// 1 50
// 1 9
// [{1} {2}]
// [[1 2]] [99 2]
// [{5}] {6}
// [1 3 4 5] 4 5
