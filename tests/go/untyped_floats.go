package main

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// A whole float constant beside an integer is that integer, a multi-value
// library call declares every name of a var, and a type defined over
// context.Context keeps its methods (each of these once failed here).
type Ctx context.Context

func main() {
	n := 7
	var u uint = 3
	u *= 2.0
	fmt.Println(n%2.0, n<<2.0, u, time.Second*2.0, n == 7.0, 2.0*n, n > 6.0)
	var a, b = strconv.Atoi("12")
	fmt.Println(a, b)
	var c Ctx = context.Background()
	fmt.Println(c.Err())
}

// Output:
// 1 28 6 2s true 14 true
// 12 <nil>
// <nil>
