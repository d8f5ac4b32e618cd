package main

import (
	"fmt"
	"sync"
)

type ID string

func show(id ID) { fmt.Println(id) }

type C struct {
	mu sync.Mutex
	n  int
}

// (*wg).Done() is wg.Done(): the pointer's WaitGroup, not a copy of it.
func worker(wg *sync.WaitGroup, c *C) {
	defer (*wg).Done()
	(*c).mu.Lock()
	c.n++
	(*c).mu.Unlock()
}

func main() {
	// A local type named as show's parameter type is another type: the
	// literal still goes to show's ID.
	type ID int
	show("x")

	var wg sync.WaitGroup
	c := &C{}
	wg.Add(2)
	go worker(&wg, c)
	go worker(&wg, c)
	wg.Wait()

	// Structs holding a lock compare their locks' states.
	a := C{n: 1}
	b := a
	fmt.Println(c.n, a == b)
	a.mu.Lock()
	fmt.Println(a == b)
	w := wg
	w.Add(1)
	fmt.Println(w == wg)
}

// Output:
// x
// 2 true
// false
// false
