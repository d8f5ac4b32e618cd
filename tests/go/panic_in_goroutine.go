package main

import "time"

func main() {
	go func() {
		panic("from a goroutine")
	}()
	time.Sleep(time.Second)
}

// Output:
// Error: panic: from a goroutine
