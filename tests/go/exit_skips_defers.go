// os.Exit ends the program where it is called: nothing after it runs,
// not even the deferred calls of the goroutine that called it.
package main

import (
	"fmt"
	"os"
)

func stop() {
	defer fmt.Println("stop's deferred call")
	fmt.Println("stopping")
	os.Exit(0)
}

func main() {
	defer fmt.Println("main's deferred call")
	stop()
	fmt.Println("after stop")
}

// Output:
// stopping
