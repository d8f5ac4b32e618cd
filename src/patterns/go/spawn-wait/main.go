// spawn-wait: start one goroutine and block on its answer.
package main

import (
	"fmt"
	"time"
)

func main() {
	delay := 1000 * time.Millisecond
	res := make(chan string)
	go func(out chan<- string) {
		time.Sleep(delay)
		out <- fmt.Sprintf("done after %d ms", delay.Milliseconds())
	}(res)
	fmt.Println(<-res)
}
