// ping-pong: two goroutines hit a ball back and forth over two channels.
package main

import (
	"fmt"
	"time"
)

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		for n := range ping {
			fmt.Println("ping", n)
			time.Sleep(100 * time.Millisecond)
			pong <- n + 1
		}
	}()
	go func() {
		for n := range pong {
			fmt.Println("pong", n)
			if n == 5 {
				close(done)
				return
			}
			time.Sleep(100 * time.Millisecond)
			ping <- n + 1
		}
	}()
	ping <- 0
	<-done
}

// Output:
// ping 0
// pong 1
// ping 2
// pong 3
// ping 4
// pong 5
