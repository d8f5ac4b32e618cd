package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(16), math.Abs(-2.5), math.Floor(2.7), math.Max(3, 7))
	fmt.Println(math.MaxInt64, math.Pow(2, 10))
	fmt.Printf("%.4f\n", math.Pi)
}

// Output:
// 4 2.5 2 7
// 9223372036854775807 1024
// 3.1416
