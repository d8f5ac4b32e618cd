// counter-race: five goroutines add one to a shared counter, without a lock.
// Each reads, waits, then writes back, so every write overwrites the others.
// (The interpreter runs one goroutine at a time: the race shows where the
// code yields between the read and the write, as the Sleep does here.)
package main

import (
	"fmt"
	"sync"
	"time"
)

var counter int

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := counter
			time.Sleep(10 * time.Millisecond)
			counter = v + 1
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter, "after 5 increments")
}

// Output:
// counter = 1 after 5 increments
