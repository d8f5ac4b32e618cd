// words: one goroutine per word, a small buffer, and a done channel.
package main

import (
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"time"
)

func main() {
	words := strings.Fields("the quick brown fox jumped over the lazy dog")
	res := make(chan string, 2)
	done := make(chan struct{})
	stopAfter := 0 // 0: read every word; k: close done after k words
	var wg sync.WaitGroup
	for _, word := range words {
		word := word // the fix; without it every goroutine sees the last word (Go < 1.22)
		work := time.Duration(rand.Intn(101)) * time.Millisecond
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-time.After(work):
			case <-done:
				return
			}
			select {
			case res <- word:
			case <-done:
			}
		}()
	}
	wanted := len(words)
	if stopAfter > 0 && stopAfter < wanted {
		wanted = stopAfter
	}
	for i := 0; i < wanted; i++ {
		fmt.Println(<-res)
	}
	close(done)
	wg.Wait()
}
