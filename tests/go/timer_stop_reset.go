package main

import (
	"fmt"
	"time"
)

// A Timer's Stop reports whether it stopped a pending timer, and Reset
// re-arms it (reporting the same); a stopped or replaced arming never
// fires.
func main() {
	t := time.NewTimer(50 * time.Millisecond)
	fmt.Println("stop:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("fired after Stop")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("nothing after Stop")
	}

	start := time.Now()
	fmt.Println("reset stopped:", t.Reset(30*time.Millisecond))
	<-t.C
	fmt.Println("fired, at least 30ms:", time.Since(start) >= 30*time.Millisecond)
	fmt.Println("stop fired:", t.Stop())

	t.Reset(20 * time.Millisecond)
	fmt.Println("reset pending:", t.Reset(200*time.Millisecond))
	select {
	case <-t.C:
		fmt.Println("old arming fired")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("old arming did not fire")
	}
	<-t.C
	fmt.Println("new arming fired, at least 200ms:", time.Since(start) >= 230*time.Millisecond)
}

// Output:
// stop: true
// stop again: false
// nothing after Stop
// reset stopped: false
// fired, at least 30ms: true
// stop fired: false
// reset pending: true
// old arming did not fire
// new arming fired, at least 200ms: true
