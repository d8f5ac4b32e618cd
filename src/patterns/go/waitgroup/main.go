// waitgroup: wait for a known number of workers.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	const workers = 2
	work := 1000 * time.Millisecond
	var wg sync.WaitGroup
	// Buffered to the number of results: no worker blocks on its send.
	res := make(chan string, workers)
	wg.Add(workers)
	for id := 0; id < workers; id++ {
		go func(id int) {
			defer wg.Done()
			time.Sleep(work)
			res <- fmt.Sprintf("worker %d done", id)
		}(id)
	}
	wg.Wait()
	close(res)
	for r := range res {
		fmt.Println(r)
	}
}
