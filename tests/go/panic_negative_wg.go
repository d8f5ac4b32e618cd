package main

import "sync"

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done()
}

// Output:
// Error: panic: sync: negative WaitGroup counter
