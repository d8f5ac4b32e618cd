package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(200 * time.Millisecond)
		slow <- "late"
	}()
	select {
	case v := <-slow:
		fmt.Println(v)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("timeout")
	}
	fmt.Println(<-slow)
}

// Output:
// timeout
// late
