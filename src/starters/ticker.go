// ticker: a value every 200 ms, five times, then the ticker is stopped.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ticker := time.NewTicker(200 * time.Millisecond)
	defer ticker.Stop()
	for i := 1; i <= 5; i++ {
		t := <-ticker.C
		fmt.Println("tick", i, t.Sub(start) >= time.Duration(i)*200*time.Millisecond)
	}
	fmt.Println("stop")
}

// Output:
// tick 1 true
// tick 2 true
// tick 3 true
// tick 4 true
// tick 5 true
// stop
