package main

import (
	"fmt"
	"math"
)

// Go's float text: shortest digits for %v, an exponent from 1e6 and below
// 1e-4, exact rounding (half to even on a tie) for %.Nf and %.Ne.
func main() {
	a, b := 0.1, 0.2
	fmt.Println(a+b, 1e6, 123456.78, 1234567.8, 1e20, 1e21, 0.0001, 0.00001234)
	fmt.Println(244718608904637.125, 1.7976931348623157e308, 5e-324)
	three := 3.0
	fmt.Println(-0.5, 100.0, 2.5e-8, 1/three, 2/three)
	fmt.Printf("%.0f %.0f %.0f %.2f %.2f %.1f\n", 0.5, 1.5, 2.5, 0.125, 0.375, 9.96)
	fmt.Printf("%f %.3f %8.2f|%-8.2f|%08.3f\n", math.Pi, -1.0005, 3.14159, 2.5, -1.5)
	fmt.Printf("%e %.2e %.0e %e\n", 123456.789, 0.000123456, 5.5, 0.0)
	big := 1e15
	fmt.Printf("%v %g %.3f\n", 1e-7, 12345678.9, big+0.3)
	sum := 0.0
	for i := 0; i < 10; i++ {
		sum += a
	}
	fmt.Println(sum, sum == 1.0)
}

// Output:
// 0.30000000000000004 1e+06 123456.78 1.2345678e+06 1e+20 1e+21 0.0001 1.234e-05
// 2.4471860890463712e+14 1.7976931348623157e+308 5e-324
// -0.5 100 2.5e-08 0.3333333333333333 0.6666666666666666
// 0 2 2 0.12 0.38 10.0
// 3.141593 -1.000     3.14|2.50    |-001.500
// 1.234568e+05 1.23e-04 6e+00 0.000000e+00
// 1e-07 1.23456789e+07 1000000000000000.250
// 0.9999999999999999 false
