package main

// sync/atomic's functions and types, runtime.Gosched, and
// runtime.NumGoroutine counting a goroutine blocked for good.

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var n int64
	var m atomic.Int64
	var flag atomic.Bool
	var wg sync.WaitGroup
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	block := make(chan struct{})
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				atomic.AddInt64(&n, 1)
				m.Add(2)
				runtime.Gosched()
			}
			flag.CompareAndSwap(false, true)
		}()
	}
	go func() { <-block }()
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(atomic.LoadInt64(&n), m.Load(), flag.Load())
	fmt.Println("goroutines left:", runtime.NumGoroutine())
	var u uint32
	atomic.AddUint32(&u, ^uint32(0))
	fmt.Println(u, atomic.CompareAndSwapInt64(&n, 5000, 1), n, m.Swap(7), m.Load())
}

// Output:
// goroutines at start: 1
// 5000 10000 true
// goroutines left: 2
// 4294967295 true 1 10000 7
