// time.AfterFunc runs its function in a goroutine of its own once the
// timer fires; Stop before then means it never runs, and Reset re-arms it.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	start := time.Now()
	time.AfterFunc(50*time.Millisecond, func() { done <- "fired" })
	fmt.Println(<-done, time.Since(start) >= 50*time.Millisecond)

	never := time.AfterFunc(time.Second, func() { fmt.Println("never printed") })
	fmt.Println("stopped before firing:", never.Stop())
	fmt.Println("stopped again:", never.Stop())

	t := time.AfterFunc(10*time.Millisecond, func() { done <- "reset" })
	fmt.Println("reset while pending:", t.Reset(20*time.Millisecond))
	fmt.Println(<-done)
	fmt.Println("channel:", t.C == nil)
	time.Sleep(2 * time.Second)
}

// Output:
// fired true
// stopped before firing: true
// stopped again: false
// reset while pending: true
// reset
// channel: true
