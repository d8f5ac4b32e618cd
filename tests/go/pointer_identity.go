package main

import "fmt"

type Big struct {
	A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P int
}

// Pointers to different elements, fields and variables are different
// keys and never equal, however the objects lie in memory.
func main() {
	s := make([]int, 64)
	seen := map[*int]int{}
	for i := range s {
		seen[&s[i]] = i
		p := new(int)
		seen[p] = -i
	}
	b := &Big{}
	fields := []*int{&b.A, &b.B, &b.H, &b.P}
	for i, f := range fields {
		seen[f] = 100 + i
	}
	fmt.Println(len(seen))
	fmt.Println(&s[3] == &s[3], &s[3] == &s[4], &b.A == &b.P)
	q := &s[10]
	*q = 5
	fmt.Println(seen[&s[10]], s[10], seen[&b.H])
}

// Output:
// 132
// true false false
// 10 5 102
