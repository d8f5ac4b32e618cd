package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	select {
	case <-time.After(time.Second):
		fmt.Println("slow")
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	}
	fmt.Println(errors.Is(ctx.Err(), context.DeadlineExceeded))
}

// Output:
// context deadline exceeded
// true
