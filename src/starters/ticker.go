// ticker: a value every 200 ms until a timer says stop.
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(200 * time.Millisecond)
	defer ticker.Stop()
	stop := time.After(1100 * time.Millisecond)
	for i := 1; ; i++ {
		select {
		case <-ticker.C:
			fmt.Println("tick", i)
		case <-stop:
			fmt.Println("stop")
			return
		}
	}
}

// Output:
// tick 1
// tick 2
// tick 3
// tick 4
// tick 5
// stop
