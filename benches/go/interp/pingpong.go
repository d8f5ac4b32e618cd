// The interpreter's channel benchmark: 100,000 round trips between two
// goroutines over unbuffered channels.
package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	v := 0
	for i := 0; i < 100000; i++ {
		ping <- v
		v = <-pong
	}
	fmt.Println(v)
}
