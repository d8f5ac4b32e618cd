package main

import "fmt"

func main() {
	ch := make(chan int)
	ch <- 1
	fmt.Println("never")
}

// Output:
// Error: fatal error: all goroutines are asleep - deadlock!
