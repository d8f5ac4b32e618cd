package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "hello, gopher"
	fmt.Println(len(s), s[0], s[7:], strings.ToUpper(s))
	fmt.Println(strings.Fields(" a b  c "), strings.Split("a,b,c", ","))
	fmt.Println(strings.Join([]string{"x", "y"}, "-"), strings.Contains(s, "go"), strings.Repeat("ab", 3))
	fmt.Println(strings.HasPrefix(s, "he"), strings.Index(s, "go"), strings.ReplaceAll(s, "l", "L"))
}

// Output:
// 13 104 gopher HELLO, GOPHER
// [a b c] [a b c]
// x-y true ababab
// true 7 heLLo, gopher
