package main

// Elements an array literal leaves out are zero values of their own.

import "fmt"

type T struct{ a int }

func main() {
	k := [3]T{2: {1}}
	k[0].a = 8
	fmt.Println(k)
	g := [2][2]int{}
	g[0][0] = 1
	fmt.Println(g)
	h := [2][]int{}
	h[0] = []int{1}
	fmt.Println(h)
	type S struct{ A [2]T }
	s := S{}
	s.A[0].a = 3
	fmt.Println(s)
	sl := []T{{}, {}}
	sl[0].a = 6
	fmt.Println(sl)
}

// Output:
// [{8} {0} {1}]
// [[1 0] [0 0]]
// [[1] []]
// {[{3} {0}]}
// [{6} {0}]
