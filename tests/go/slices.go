package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	for i := 0; i < 5; i++ {
		s = append(s, i)
	}
	fmt.Println(s, len(s))
	t := s[1:3]
	t[0] = 99
	fmt.Println(s, t, len(t))
	u := make([]int, 3, 10)
	fmt.Println(u, len(u), cap(u))
	c := make([]int, 2)
	n := copy(c, s)
	fmt.Println(n, c)
	s = append(s, []int{7, 8}...)
	fmt.Println(s)
}

// Output:
// true 0 0
// [0 1 2 3 4] 5
// [0 99 2 3 4] [99 2] 2
// [0 0 0] 3 10
// 2 [0 99]
// [0 99 2 3 4 7 8]
