// deadline: give up on work that takes too long.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func main() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(1000*time.Millisecond))
	defer cancel()
	var wg sync.WaitGroup
	for id, ms := range []int{500, 1500, 800, 2000} {
		wg.Add(1)
		go func(id int, work time.Duration) {
			defer wg.Done()
			select {
			case <-time.After(work):
				fmt.Printf("worker %d: finished after %d ms\n", id, work.Milliseconds())
			case <-ctx.Done():
				fmt.Printf("worker %d: cleaning up: %v\n", id, ctx.Err())
			}
		}(id, time.Duration(ms)*time.Millisecond)
	}
	<-ctx.Done()
	wg.Wait()
	fmt.Println("main:", ctx.Err())
}
