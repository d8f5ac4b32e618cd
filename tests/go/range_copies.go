package main

import "fmt"

// The range expression is evaluated once: an array is copied, so writes
// during the loop do not show; through a pointer, or in a slice, they do.
// A map entry deleted before the loop reaches it is not produced.
func main() {
	a := [3]int{1, 2, 3}
	for i, v := range a {
		a[2] = 10
		fmt.Println(i, v)
	}
	p := &a
	for i, v := range p {
		p[2] = 20
		if i == 2 {
			fmt.Println("pointer", v)
		}
	}
	s := []int{1, 2, 3}
	for i, v := range s {
		s[2] = 30
		if i == 2 {
			fmt.Println("slice", v)
		}
	}
	fmt.Println(a, s)
	m := map[int]bool{1: true, 2: true, 3: true, 4: true}
	seen := 0
	for k := range m {
		for other := range m {
			if other != k {
				delete(m, other)
			}
		}
		seen++
	}
	fmt.Println(seen, len(m))
}

// Output:
// 0 1
// 1 2
// 2 3
// pointer 20
// slice 30
// [1 2 20] [1 2 30]
// 1 1
