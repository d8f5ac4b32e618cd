// A float32 prints as the shortest decimal that reads back as the same
// float32, not as the float64 it widens to.
package main

import "fmt"

func main() {
	var a float32 = 0.1
	b := float32(1) / 3
	var c float32 = 1e-45
	var d float32 = 3.4e38
	fmt.Println(a, b, c, d, float32(16777216), float32(0.3)+float32(0.6), float64(a))
	fmt.Printf("%v %v\n", a, []float32{0.2, 2.5})
}

// Output:
// 0.1 0.33333334 1e-45 3.4e+38 1.6777216e+07 0.90000004 0.10000000149011612
// 0.1 [0.2 2.5]
