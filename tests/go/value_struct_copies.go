package main

// More struct copies: nested structs, arrays of structs, structs in
// channels.

import (
	"fmt"
	"sort"
)

type T struct {
	N    int
	Tags [2]string
}

func mk() T { return T{1, [2]string{"a", "b"}} }

var global = T{N: 5}

func getGlobal() T { return global }

func main() {
	p := &T{N: 1}
	v := *p
	v.N = 2
	fmt.Println(p.N, v.N)
	*p = v
	v.N = 3
	fmt.Println(p.N)
	s := []T{{N: 3}, {N: 1}, {N: 2}}
	s[0], s[2] = s[2], s[0]
	fmt.Println(s)
	sort.Slice(s, func(i, j int) bool { return s[i].N < s[j].N })
	fmt.Println(s)
	first := s[0]
	s[0].N = 100
	fmt.Println(first.N)
	g := getGlobal()
	g.N = 6
	fmt.Println(global.N)
	a := mk()
	b := a
	b.Tags[0] = "z"
	fmt.Println(a.Tags, b.Tags)
	ptrs := []*T{}
	for i := range s {
		ptrs = append(ptrs, &s[i])
	}
	ptrs[1].N = 77
	fmt.Println(s[1].N)
	vals := []T{}
	for _, x := range s {
		vals = append(vals, x)
	}
	vals[0].N = -1
	fmt.Println(s[0].N)
	ms := map[int]T{}
	ms[1] = s[2]
	s[2].N = 555
	fmt.Println(ms[1].N)
	arr := [3]T{}
	for i := range arr {
		arr[i] = T{N: i}
	}
	sl := arr[:]
	sl[0].N = 42
	fmt.Println(arr[0].N)
	newS := make([]T, len(s))
	for i := range s {
		newS[i] = s[i]
	}
	newS[0].N = 9999
	fmt.Println(s[0].N)
}

// Output:
// 1 2
// 2
// [{2 [ ]} {1 [ ]} {3 [ ]}]
// [{1 [ ]} {2 [ ]} {3 [ ]}]
// 1
// 5
// [a b] [z b]
// 77
// 100
// 3
// 42
// 100
