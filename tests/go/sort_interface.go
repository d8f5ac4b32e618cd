package main

import (
	"fmt"
	"sort"
)

type byLength []string

func (s byLength) Len() int           { return len(s) }
func (s byLength) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
func (s byLength) Less(i, j int) bool { return len(s[i]) < len(s[j]) }

type person struct {
	name string
	age  int
}

// sort.Sort and sort.Stable over a program's own sort.Interface (Go by
// Example's sorting by functions), sort.Reverse, sort.IntSlice and
// sort.StringSlice, and sort.SliceStable of 200 items.
func main() {
	fruits := []string{"peach", "banana", "kiwi"}
	sort.Sort(byLength(fruits))
	fmt.Println(fruits)
	a := []int{5, 2, 6, 3, 1, 4}
	sort.Sort(sort.Reverse(sort.IntSlice(a)))
	fmt.Println(a)
	people := []person{}
	for i := 0; i < 200; i++ {
		people = append(people, person{fmt.Sprint("p", i), (i * 37) % 11})
	}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people[:5], people[195:])
	sort.Stable(byLength(fruits))
	big := make([]int, 400)
	for i := range big {
		big[i] = (i * 7919) % 401
	}
	sort.Sort(sort.IntSlice(big))
	fmt.Println(sort.IntsAreSorted(big), big[:5])
	s := sort.StringSlice{"b", "c", "a"}
	sort.Sort(s)
	fmt.Println(s)
}

// Output:
// [kiwi peach banana]
// [6 5 4 3 2 1]
// [{p0 0} {p11 0} {p22 0} {p33 0} {p44 0}] [{p151 10} {p162 10} {p173 10} {p184 10} {p195 10}]
// true [0 1 2 3 4]
// [a b c]
