// counter-mutex: the same five increments, each under a mutex, so none is
// lost. The goroutines queue on the lock: see them wait on the timeline.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu      sync.Mutex
	counter int
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			v := counter
			time.Sleep(10 * time.Millisecond)
			counter = v + 1
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter, "after 5 increments")
}

// Output:
// counter = 5 after 5 increments
