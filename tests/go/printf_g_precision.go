package main

// %.Ng and %.Nv of floats: N significant digits, with an exponent where
// Go's strconv puts one.

import "fmt"

func main() {
	fmt.Printf("%.3g|%.10g|%.2g|%.1g|%.4g\n", 3.14159, 1.0/3, 1234.5, 0.05, 100000.0)
	fmt.Printf("%.2v|%.3v|%10.3g|\n", 3.14159, 2.0/3, 3.14159)
	fmt.Printf("%g|%.3e|%10.4v|\n", float32(0.1), 1.0, 3.14159)
	fmt.Printf("%6.3v|%s|\n", "abcdef", fmt.Sprintf("%.2s", "xyz"))
}

// Output:
// 3.14|0.3333333333|1.2e+03|0.05|1e+05
// 3.1|0.667|      3.14|
// 0.1|1.000e+00|     3.142|
//    abc|xy|
