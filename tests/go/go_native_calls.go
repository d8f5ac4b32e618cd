// Standard-library calls started as goroutines or by time.AfterFunc: one
// that returns at once is no goroutine, and one that blocks runs as one.
package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	_, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	time.AfterFunc(10*time.Millisecond, cancel)
	time.AfterFunc(10*time.Millisecond, wg.Done)
	time.Sleep(20 * time.Millisecond)
	fmt.Println(runtime.NumGoroutine())
	go fmt.Println("x")
	time.Sleep(time.Millisecond)
	fmt.Println(runtime.NumGoroutine())
	wg.Wait()
	var mu sync.Mutex
	go mu.Lock()
	time.Sleep(time.Millisecond)
	fmt.Println(mu.TryLock())
	var m2 sync.Mutex
	time.AfterFunc(time.Millisecond, m2.Lock)
	time.Sleep(5 * time.Millisecond)
	fmt.Println(m2.TryLock(), runtime.NumGoroutine())
}

// Output:
// 1
// x
// 1
// false
// false 1
