package main

import "fmt"

func sum(label string, xs ...int) string {
	t := 0
	for _, x := range xs {
		t += x
	}
	return fmt.Sprintf("%s=%d(%d)", label, t, len(xs))
}

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	nums := []int{4, 5}
	fmt.Println(sum("spread", nums...))
}

// Output:
// none=0(0)
// three=6(3)
// spread=9(2)
