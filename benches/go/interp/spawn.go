// The interpreter's goroutine benchmark: 100,000 goroutines each sending
// once on a buffered channel.
package main

import "fmt"

func main() {
	const n = 100000
	ch := make(chan int, n)
	for i := 0; i < n; i++ {
		go func(i int) { ch <- i }(i)
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ch
	}
	fmt.Println(sum)
}
