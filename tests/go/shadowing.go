package main

import "fmt"

func main() {
	x := 1
	if x := 2; x > 1 {
		fmt.Println("inner", x)
	}
	{
		x := 3
		_ = x
	}
	fmt.Println("outer", x)
	y, err := 1, error(nil)
	z, err := 2, nil
	fmt.Println(y, z, err)
}

// Output:
// inner 2
// outer 1
// 1 2 <nil>
