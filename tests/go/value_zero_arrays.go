package main

// Each zero element of an array or an array of arrays is its own value.

import "fmt"

type T struct{ a int }

func main() {
	var z [3]T
	z[0].a = 1
	fmt.Println(z)
	y := [2]T{}
	y[1].a = 2
	fmt.Println(y)
	s := make([]T, 3)
	s[0].a = 5
	fmt.Println(s)
	var g [2][2]int
	g[0][0] = 1
	fmt.Println(g)
	type W struct{ in T }
	var ws [2]W
	ws[0].in.a = 7
	fmt.Println(ws)
	ss := make([][2]int, 2)
	ss[0][1] = 3
	fmt.Println(ss)
	ps := [2]T{{1}}
	ps[1].a = 9
	fmt.Println(ps)
	sl := append([]T{}, make([]T, 2)...)
	sl[0].a = 4
	fmt.Println(sl)
}

// Output:
// [{1} {0} {0}]
// [{0} {2}]
// [{5} {0} {0}]
// [[1 0] [0 0]]
// [{{7}} {{0}}]
// [[0 3] [0 0]]
// [{1} {9}]
// [{4} {0}]
