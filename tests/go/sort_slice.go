package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func main() {
	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	fmt.Println(xs)
	people := []Person{{"Al", 30}, {"Bo", 25}, {"Cy", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
}

// Output:
// [1 2 5 8]
// [{Bo 25} {Al 30} {Cy 35}]
