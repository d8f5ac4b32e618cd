package main

import (
	"context"
	"fmt"
	"time"
)

func worker(ctx context.Context, out chan<- string) {
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			out <- fmt.Sprint("stopped: ", ctx.Err())
			return
		case <-time.After(30 * time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan string)
	go worker(ctx, out)
	time.Sleep(100 * time.Millisecond)
	cancel()
	fmt.Println(<-out)
	fmt.Println(ctx.Err() == context.Canceled)
}

// Output:
// stopped: context canceled
// true
