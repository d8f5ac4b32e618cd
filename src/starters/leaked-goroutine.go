// leaked-goroutine: main gives up on a search, but the search goroutine is
// left blocked sending forever. Nothing reports it: it leaks.
package main

import (
	"fmt"
	"time"
)

func search(query string) <-chan string {
	out := make(chan string) // unbuffered: a late sender blocks forever
	go func() {
		time.Sleep(500 * time.Millisecond)
		out <- "result for " + query // nobody receives any more
	}()
	return out
}

func main() {
	select {
	case r := <-search("gophers"):
		fmt.Println(r)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("timed out; the search goroutine is still blocked")
	}
	time.Sleep(time.Second)
	fmt.Println("main returns; the leaked goroutine dies with the program")
}

// Output:
// timed out; the search goroutine is still blocked
// main returns; the leaked goroutine dies with the program
