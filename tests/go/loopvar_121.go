// go 1.21
package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for _, w := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return w })
	}
	for _, g := range gs {
		fmt.Print(g())
	}
	fmt.Println()
}

// Output:
// 3 3 3 
// ccc
