// time.Duration's Round, Truncate and Abs, and a context's Deadline.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	fmt.Println(d.Round(time.Second), d.Truncate(time.Second), (-d).Abs())
	fmt.Println((2*time.Second + 499*time.Millisecond).Round(time.Second), (-d).Round(time.Second))
	fmt.Println(d.Round(0), d.Truncate(-1))

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println(ok, !dl.IsZero())
	_, ok = context.Background().Deadline()
	fmt.Println(ok)
}

// Output:
// 2s 1s 1.5s
// 2s -2s
// 1.5s 1.5s
// true true
// false
