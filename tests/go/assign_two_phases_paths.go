package main

import "fmt"

type P struct{ X int }

// Go takes the operands of every target before it assigns any, also
// through a field of a slice's element and with the slice itself a target.
func main() {
	ss := []P{{}, {}}
	v := 0
	v, ss[v].X = 1, 11 // Go: element 0
	fmt.Println(ss)
	parts := []string{"a", "b"}
	other := []string{"x", "y"}
	orig := parts
	parts, parts[0] = other, "Z" // Go: old parts
	fmt.Println(orig, other)
}

// Output:
// [{11} {0}]
// [Z b] [x y]
