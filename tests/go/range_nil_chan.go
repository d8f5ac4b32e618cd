// Ranging over a nil channel blocks for good, as receiving from one does:
// with nothing else to run, that is Go's deadlock.
package main

import "fmt"

func main() {
	var none []int
	for range none {
		fmt.Println("never: a nil slice has no items")
	}
	var ch chan int
	fmt.Println("before")
	for v := range ch {
		fmt.Println("never", v)
	}
}

// Output:
// before
// Error: fatal error: all goroutines are asleep - deadlock!
