package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func safeDiv(a, b int) (q int, err error) {
	if b == 0 {
		err = errors.New("divide by zero")
		return
	}
	q = a / b
	return
}

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	_, err := safeDiv(1, 0)
	fmt.Println(err)
	v, err := safeDiv(9, 3)
	fmt.Println(v, err)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}

// Output:
// 3 2
// divide by zero
// 3 <nil>
// 2 1
