package main

// Slices: three-index slicing, nil slices and slicing them, copy overlap,
// append aliasing.

import (
	"fmt"
	"sort"
)

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	fmt.Println(b, len(b), cap(b))
	b = append(b, 99)
	fmt.Println(a, b)
	c := a[1:3:3]
	c = append(c, 100)
	fmt.Println(a, c, cap(c))
	d := make([]int, 3, 10)
	e := append(d, 1)
	f := append(d, 2)
	fmt.Println(e, f)
	s := []int{1, 2, 3, 4, 5}
	n := copy(s[1:], s)
	fmt.Println(n, s)
	s = []int{1, 2, 3, 4, 5}
	copy(s, s[2:])
	fmt.Println(s)
	bs := make([]byte, 3)
	fmt.Println(copy(bs, "héllo"), bs)
	grid := make([][]int, 3)
	for i := range grid {
		grid[i] = make([]int, 3)
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
	people := []struct {
		Name string
		Age  int
	}{{"A", 30}, {"B", 25}, {"C", 30}, {"D", 20}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	fmt.Println(xs)
	ss := []string{"b", "C", "a"}
	sort.Strings(ss)
	fmt.Println(ss)
//	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
//	fl := []float64{2.5, -1, 3}
//	sort.Float64s(fl)
//	fmt.Println(fl, sort.IntsAreSorted(xs))
	var ns []int
	fmt.Println(ns == nil, len(ns), ns[:0] == nil, append(ns, 1))
	es := []int{}
	fmt.Println(es == nil, es)
	fmt.Println(a[len(a):], a[:0])
	arr := [5]int{1, 2, 3}
	sl := arr[1:4]
	sl[0] = 42
	fmt.Println(arr, sl, len(arr))
//	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
////	fmt.Println(idx)
}

// Output:
// [2 3] 2 4
// [1 2 3 99 5] [2 3 99]
// [1 2 3 99 5] [2 3 100] 4
// [0 0 0 2] [0 0 0 2]
// 4 [1 1 2 3 4]
// [3 4 5 4 5]
// 3 [104 195 169]
// [[0 0 0] [0 1 2] [0 2 4]]
// [{D 20} {B 25} {A 30} {C 30}]
// [1 2 5 8]
// [C a b]
// [1 2 5 8]
// true 0 true [1]
// false []
// [] []
// [1 42 3 0 0] [42 3 0] 5
