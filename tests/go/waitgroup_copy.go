package main

import (
	"fmt"
	"sync"
)

// A WaitGroup passed by value is a copy: the worker's Done lowers the
// copy's counter, and main's Wait waits for good (go vet warns of it).
func worker(id int, wg sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, wg)
	wg.Wait()
	fmt.Println("never")
}

// Output:
// worker 1
// Error: fatal error: all goroutines are asleep - deadlock!
