package main

import "fmt"

var count int
var names = []string{"x", "y"}

type Registry struct{ items map[string]int }

var reg = &Registry{items: map[string]int{}}

func add(n string) {
	count++
	reg.items[n] = count
}

func main() {
	for _, n := range names {
		add(n)
	}
	fmt.Println(count, reg.items)
}

// Output:
// 2 map[x:1 y:2]
