package main

// Structs and arrays are values: assignment, parameters, range variables
// and map values copy them.

import "fmt"

type T struct {
	a   int
	arr [2]int
}

func mod(t T)       { t.a = 100; t.arr[0] = 100 }
func modArr(a [3]int) { a[0] = 100 }
func (t T) setV()   { t.a = 5 }
func (t *T) setP()  { t.a = 6 }

type W struct{ inner T }

func main() {
	t := T{1, [2]int{1, 2}}
	mod(t)
	fmt.Println(t)
	arr := [3]int{1, 2, 3}
	modArr(arr)
	fmt.Println(arr)
	t.setV()
	fmt.Println(t.a)
	t.setP()
	fmt.Println(t.a)
	u := t
	u.arr[1] = 77
	fmt.Println(t.arr, u.arr)
	var i any = t
	t.a = 50
	fmt.Println(i.(T).a, t.a)
	ch := make(chan T, 1)
	ch <- t
	t.a = 60
	fmt.Println((<-ch).a)
	w := W{t}
	w2 := w
	w2.inner.arr[0] = -1
	fmt.Println(w.inner.arr[0], w2.inner.arr[0])
	ts := []T{t}
	x := ts[0]
	x.a = 1
	fmt.Println(ts[0].a)
	m := map[int][2]int{1: {1, 2}}
	a2 := m[1]
	a2[0] = 9
	fmt.Println(m)
	f := t.setV
	g := t.setP
	t.a = 0
	f()
	g()
	fmt.Println(t.a)
	pt := &t
	h := pt.setV
	pt.a = 33
	h()
	fmt.Println(t.a)
	arrs := [2][2]int{{1, 2}, {3, 4}}
	row := arrs[0]
	row[0] = 10
	fmt.Println(arrs, row)
	ap := &arrs[1]
	ap[0] = 30
	fmt.Println(arrs)
	type S struct{ list []int }
	s1 := S{[]int{1}}
	s2 := s1
	s2.list[0] = 2
	fmt.Println(s1.list)
	structs := [2]T{}
	for i := range structs {
		structs[i].a = i + 1
	}
	cp := structs
	cp[0].a = 99
	fmt.Println(structs[0].a, cp[0].a)
	var ifs []any
	tt := T{a: 1}
	ifs = append(ifs, tt)
	tt.a = 2
	fmt.Println(ifs[0].(T).a)
}

// Output:
// {1 [1 2]}
// [1 2 3]
// 1
// 6
// [1 2] [1 77]
// 6 50
// 50
// 1 -1
// 60
// map[1:[1 2]]
// 6
// 33
// [[1 2] [3 4]] [10 2]
// [[1 2] [30 4]]
// [2]
// 1 99
// 1
