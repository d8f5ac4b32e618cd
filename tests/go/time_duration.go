package main

import (
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Milliseconds(), d.Seconds())
	fmt.Println(2*time.Second, 90*time.Second, time.Duration(0), 3*time.Microsecond, 2*time.Hour+30*time.Minute)
	start := time.Now()
	time.Sleep(250 * time.Millisecond)
	fmt.Println(time.Since(start) >= 250*time.Millisecond)
	fmt.Printf("%v %s\n", 10*time.Millisecond, time.Minute)
}

// Output:
// 1.5s 1500 1.5
// 2s 1m30s 0s 3µs 2h30m0s
// true
// 10ms 1m0s
