package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		sum += i
	}
	n := 0
	for n < 5 {
		n++
	}
	k := 0
	for {
		k++
		if k == 3 {
			break
		}
	}
	fmt.Println(sum, n, k)
}

// Output:
// 25 5 3
