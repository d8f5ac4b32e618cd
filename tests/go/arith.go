package main

import "fmt"

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b, -a/b, -a%b)
	fmt.Println(a&b, a|b, a^b, a<<2, a>>1, a&^b)
	x := 7.5
	fmt.Println(x*2, x/2, float64(a)/2)
}

// Output:
// 22 12 85 3 2 -3 -2
// 1 21 20 68 8 16
// 15 3.75 8.5
