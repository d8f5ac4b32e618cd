// %#v prints a value as Go source writes it, and %d applies itself to
// each field and element of what it is given.
package main

import (
	"fmt"
	"time"
)

type Point struct {
	X, Y int
	Name string
}

type Box struct {
	P    Point
	Tags []string
}

func main() {
	fmt.Printf("%#v\n", Point{1, 2, "a"})
	fmt.Printf("%#v\n", &Box{Point{3, 4, "b"}, []string{"x", "y"}})
	fmt.Printf("%#v %#v %#v\n", []int{1, 2}, "q\"uote", 1500*time.Millisecond)
	var none []int
	fmt.Printf("%#v %#v\n", none, map[string]int{"b": 2, "a": 1})
	fmt.Printf("%d %d %d\n", Point{5, 6, "c"}, []int{7, 8}, map[string]int{"k": 9})
}

// Output:
// main.Point{X:1, Y:2, Name:"a"}
// &main.Box{P:main.Point{X:3, Y:4, Name:"b"}, Tags:[]string{"x", "y"}}
// []int{1, 2} "q\"uote" 1500000000
// []int(nil) map[string]int{"a":1, "b":2}
// {5 6 %!d(string=c)} [7 8] map[%!d(string=k):9]
