package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("one worker")
	}()
	wg.Wait()
}

// Output:
// one worker
// Error: fatal error: all goroutines are asleep - deadlock!
