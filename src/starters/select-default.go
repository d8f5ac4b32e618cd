// select-default: with a default case, a select never waits: a send to a full
// channel is dropped, and a receive from an empty one finds nothing.
package main

import "fmt"

func main() {
	ch := make(chan string, 1)
	for i := 0; i < 3; i++ {
		select {
		case ch <- fmt.Sprint("msg ", i):
			fmt.Println("sent msg", i)
		default:
			fmt.Println("buffer full: dropped msg", i)
		}
	}
	for i := 0; i < 2; i++ {
		select {
		case m := <-ch:
			fmt.Println("received", m)
		default:
			fmt.Println("nothing waiting")
		}
	}
}

// Output:
// sent msg 0
// buffer full: dropped msg 1
// buffer full: dropped msg 2
// received msg 0
// nothing waiting
