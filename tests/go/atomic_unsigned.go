package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// sync/atomic's Uint64 and Uint32 (Go by Example's atomic counter), and
// runtime.GOMAXPROCS, which returns the setting before.
func main() {
	fmt.Println(runtime.GOMAXPROCS(1) > 0)
	var ops atomic.Uint64
	var small atomic.Uint32
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			for c := 0; c < 100; c++ {
				ops.Add(1)
			}
			wg.Done()
		}()
	}
	wg.Wait()
	small.Store(1)
	small.Add(^uint32(0))
	fmt.Println("ops:", ops.Load(), small.Load(), small.CompareAndSwap(0, 7), small.Load())
	fmt.Printf("%T\n", &ops)
}

// Output:
// true
// ops: 5000 0 true 7
// *atomic.Uint64
