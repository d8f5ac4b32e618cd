// worker-pool: three workers share one queue of jobs and report on another.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Duration(j*10) * time.Millisecond)
		results <- fmt.Sprintf("job %d done", j)
	}
}

func main() {
	jobs := make(chan int, 9)
	results := make(chan string, 9)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}

// Unordered output:
// job 1 done
// job 2 done
// job 3 done
// job 4 done
// job 5 done
// job 6 done
// job 7 done
// job 8 done
// job 9 done
