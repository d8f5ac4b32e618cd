// deadlock: main waits on b, the goroutine waits on a, and nobody sends on a.
package main

import "fmt"

func main() {
	a, b := make(chan int), make(chan int)
	go func() {
		v := <-a
		b <- v + 1
	}()
	fmt.Println("waiting for b...")
	fmt.Println(<-b)
}

// Output:
// waiting for b...
// Error: fatal error: all goroutines are asleep - deadlock!
