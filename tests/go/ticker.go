package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	start := time.Now()
	for i := 0; i < 3; i++ {
		<-t.C
		fmt.Println("tick", i, time.Since(start).Milliseconds()/100)
	}
}

// Output:
// tick 0 1
// tick 1 2
// tick 2 3
