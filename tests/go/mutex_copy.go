package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

// A value receiver works on a copy: its lock and its count are the copy's.
func (c Counter) IncByValue() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func main() {
	var c Counter
	c.Inc()
	c.IncByValue()
	fmt.Println(c.n)

	// A copy of a locked mutex is locked, and unlocks on its own.
	c.mu.Lock()
	d := c
	d.mu.Unlock()
	fmt.Println(c.mu.TryLock(), d.mu.TryLock())

	// A copy's Add does not reach the original.
	var wg sync.WaitGroup
	wg.Add(2)
	w2 := wg
	w2.Done()
	w2.Done()
	w2.Wait()
	wg.Done()
	wg.Done()
	wg.Wait()
	fmt.Println("both at zero")
}

// Output:
// 1
// false true
// both at zero
