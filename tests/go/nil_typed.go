// A nil given where a slice or map type is known is that type's nil: it
// prints as [] or map[], and append makes that type's slice.
package main

import "fmt"

type T struct {
	K []int
	M map[string]int
}

func size(s []int) int { return len(s) }

func main() {
	var c []int = nil
	fmt.Println(c, len(c))
	c = append(c, 1)
	fmt.Printf("%T %v\n", c, c)
	fmt.Println(T{K: nil}, map[int][]string{2: nil})
	var m map[string]int = nil
	fmt.Println(m, len(m), size(nil))
}

// Output:
// [] 0
// []int [1]
// {[] map[]} map[2:[]]
// map[] 0 0
