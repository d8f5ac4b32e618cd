package main

import (
	"fmt"
	"math/rand"
)

func main() {
	ok := true
	for i := 0; i < 100; i++ {
		v := rand.Intn(10)
		if v < 0 || v >= 10 {
			ok = false
		}
	}
	fmt.Println(ok)
}

// Output:
// true
