package main

import (
	"fmt"
	"sync"
)

// A counter shared by pointer, its lock and group made by literals.
type counter struct {
	mu *sync.Mutex
	n  int
}

func main() {
	wg := &sync.WaitGroup{}
	c := counter{mu: &sync.Mutex{}}
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.mu.Lock()
			c.n++
			c.mu.Unlock()
		}()
	}
	wg.Wait()
	var rw sync.RWMutex
	fmt.Printf("%T %T %T %d\n", wg, c.mu, &rw, c.n)
	fmt.Printf("%T %T\n", sync.WaitGroup{}, sync.Mutex{})
}

// Output:
// *sync.WaitGroup *sync.Mutex *sync.RWMutex 4
// sync.WaitGroup sync.Mutex
