package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	v, ok := m["one"]
	w, ok2 := m["three"]
	fmt.Println(v, ok, w, ok2, len(m))
	delete(m, "one")
	fmt.Println(m, len(m))
	counts := map[rune]int{}
	for _, r := range "banana" {
		counts[r]++
	}
	fmt.Println(counts['a'], counts['n'], counts['b'])
}

// Output:
// 1 true 0 false 2
// map[two:2] 1
// 3 2 1
