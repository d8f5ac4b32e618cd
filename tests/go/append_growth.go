package main

import "fmt"

type pt struct {
	x, y int
	name string
}

// append grows a slice as Go 1.19 does, to the allocator's size classes
// for each element size (the Go Tour's len=5 cap=6), and the room past
// the length holds zero values.
func main() {
	var s []int
	printSlice(s)
	s = append(s, 0)
	printSlice(s)
	s = append(s, 1)
	printSlice(s)
	s = append(s, 2, 3, 4)
	printSlice(s)
	fmt.Printf("%T\n", append([]int(nil), 1))
	var caps []int
	var b []byte
	var strs []string
	var ps []pt
	for i := 0; i < 2000; i++ {
		b = append(b, 'x')
		strs = append(strs, "")
		ps = append(ps, pt{})
		if len(caps) == 0 || caps[len(caps)-1] != cap(b) {
			caps = append(caps, cap(b))
		}
	}
	fmt.Println(caps, cap(strs), cap(ps))
	e := make([]int, 0, 5)
	e = append(e, 1, 2, 3, 4, 5, 6)
	fmt.Println(cap(e), e[:cap(e)])
	big := append([]int64(nil), make([]int64, 1000)...)
	fmt.Println(cap(big))
}

func printSlice(s []int) {
	fmt.Printf("len=%d cap=%d %v\n", len(s), cap(s), s)
}

// Output:
// len=0 cap=0 []
// len=1 cap=1 [0]
// len=2 cap=2 [0 1]
// len=5 cap=6 [0 1 2 3 4]
// []int
// [8 16 32 64 128 256 512 896 1408 2048] 2560 2560
// 10 [1 2 3 4 5 6 0 0 0 0]
// 1024
