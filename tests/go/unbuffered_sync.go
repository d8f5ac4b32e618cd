package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	start := time.Now()
	go func() {
		time.Sleep(500 * time.Millisecond)
		<-ch
	}()
	ch <- 1
	fmt.Println("send completed after 500ms:", time.Since(start) >= 500*time.Millisecond)
}

// Output:
// send completed after 500ms: true
