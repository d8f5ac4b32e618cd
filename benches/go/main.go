// The Go side of `scripts/bench.sh`: the same five workloads as
// src/bench.rs, on Go's real runtime, printed in the same format:
// `name n ns_per_op [bytes_per_task]`.
//
// Run with GOMAXPROCS=1 so Go, like the playground's executor, has one
// thread; `scripts/bench.sh` does.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

func perOp(start time.Time, n int) float64 {
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

func spawn(n int) {
	var wg sync.WaitGroup
	start := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() { wg.Done() }()
	}
	wg.Wait()
	fmt.Printf("spawn %d %.1f\n", n, perOp(start, n))
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Sys
}

func parked(n int) {
	gate := make(chan struct{})
	var parkedWg, doneWg sync.WaitGroup
	before := heap()
	start := time.Now()
	parkedWg.Add(n)
	doneWg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			parkedWg.Done()
			<-gate
			doneWg.Done()
		}()
	}
	parkedWg.Wait()
	// Let every goroutine reach its receive.
	runtime.Gosched()
	elapsed := perOp(start, n)
	during := heap()
	close(gate)
	doneWg.Wait()
	fmt.Printf("parked %d %.1f %.0f\n", n, elapsed, float64(during-before)/float64(n))
}

func pingPong(n int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
	}()
	start := time.Now()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	fmt.Printf("ping-pong %d %.1f\n", n, perOp(start, n))
}

func stream(n int) {
	ch := make(chan int, 128)
	start := time.Now()
	go func() {
		for i := 0; i < n; i++ {
			ch <- i
		}
		close(ch)
	}()
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Printf("stream %d %.1f\n", n, perOp(start, n))
}

// Go has no virtual clock: its sleeps are real, so they last up to 100 ms
// (a tenth of the playground's virtual 10 s range would still be 1 s).
func sleeps(n int) {
	var wg sync.WaitGroup
	r := rand.New(rand.NewSource(7))
	start := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		d := time.Duration(r.Intn(100)) * time.Millisecond
		go func() {
			time.Sleep(d)
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Printf("sleeps %d %.1f wall_ms=%.1f\n", n, perOp(start, n), float64(time.Since(start).Microseconds())/1000)
}

func main() {
	n := 1000000
	if s := os.Getenv("BENCH_N"); s != "" {
		if v, err := strconv.Atoi(s); err == nil {
			n = v
		}
	}
	spawn(n)
	parked(n)
	pingPong(n)
	stream(n)
	sleeps(n / 10)
}
