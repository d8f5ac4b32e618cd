package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString("ab")
	}
	b.WriteByte('!')
	fmt.Println(b.String(), b.Len())
}

// Output:
// ababab! 7
