package main

import "fmt"

func main() {
	ch := make(chan string, 2)
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch, <-ch)
	close(ch)
	v, ok := <-ch
	fmt.Printf("%q %v\n", v, ok)
}

// Output:
// 2 2
// a b
// "" false
