// The interpreter's arithmetic benchmark: a 10,000,000-iteration loop.
package main

import "fmt"

func main() {
	sum := 0
	for i := 0; i < 10000000; i++ {
		sum += i * 3 % 7
	}
	fmt.Println(sum)
}
