// sync.RWMutex: readers share it, a writer waits for them and excludes all.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	// Three readers hold the lock at once: each says so, then waits for
	// the others (an exclusive lock would deadlock here).
	in, all := make(chan int), make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			defer rw.RUnlock()
			in <- 1
			<-all
		}()
	}
	n := <-in + <-in + <-in
	close(all)
	wg.Wait()
	fmt.Println("readers at once:", n)
	rw.RLock()
	rw.RLock() // a reader may hold it twice while no writer waits
	rw.RUnlock()
	rw.RUnlock()
	done := make(chan bool)
	rw.RLock()
	go func() {
		rw.Lock()
		done <- true
		rw.Unlock()
	}()
	time.Sleep(50 * time.Millisecond)
	select {
	case <-done:
		fmt.Println("writer got in past a reader")
	default:
		fmt.Println("writer waits for the reader")
	}
	rw.RUnlock()
	fmt.Println("writer done:", <-done)
	fmt.Printf("%T\n", rw)
}

// Output:
// readers at once: 3
// writer waits for the reader
// writer done: true
// sync.RWMutex
