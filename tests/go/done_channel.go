package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	stopped := make(chan int)
	for i := 0; i < 3; i++ {
		go func(id int) {
			<-done
			stopped <- id
		}(i)
	}
	time.Sleep(10 * time.Millisecond)
	close(done)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-stopped
	}
	fmt.Println("all stopped", sum)
}

// Output:
// all stopped 3
