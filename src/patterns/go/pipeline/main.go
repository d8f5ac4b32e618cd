// pipeline: stages joined by channels, cancelled by a done channel.
package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

const buffer = 0

func gen(done <-chan struct{}, count int, stages *sync.WaitGroup) <-chan int {
	out := make(chan int, buffer)
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(out)
		for v := 1; v <= count; v++ {
			select {
			case out <- v:
			case <-done:
				return
			}
		}
	}()
	return out
}

func square(done <-chan struct{}, in <-chan int, stages *sync.WaitGroup) <-chan int {
	out := make(chan int, buffer)
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(out)
		for {
			var v int
			var ok bool
			select {
			case v, ok = <-in:
				if !ok {
					return
				}
			case <-done:
				return
			}
			select {
			case <-time.After(time.Duration(rand.Intn(51)) * time.Millisecond):
			case <-done:
				return
			}
			select {
			case out <- v * v:
			case <-done:
				return
			}
		}
	}()
	return out
}

func merge(done <-chan struct{}, stages *sync.WaitGroup, cs ...<-chan int) <-chan int {
	out := make(chan int, buffer)
	var forwarders sync.WaitGroup
	for _, c := range cs {
		forwarders.Add(1)
		stages.Add(1)
		go func(c <-chan int) {
			defer stages.Done()
			defer forwarders.Done()
			for {
				select {
				case v, ok := <-c:
					if !ok {
						return
					}
					select {
					case out <- v:
					case <-done:
						return
					}
				case <-done:
					return
				}
			}
		}(c)
	}
	stages.Add(1)
	go func() {
		defer stages.Done()
		forwarders.Wait()
		close(out)
	}()
	return out
}

func main() {
	done := make(chan struct{})
	var stages sync.WaitGroup
	nums := gen(done, 10, &stages)
	var squares []<-chan int
	for w := 0; w < 3; w++ {
		squares = append(squares, square(done, nums, &stages))
	}
	stopAfter := 0
	printed := 0
	for v := range merge(done, &stages, squares...) {
		fmt.Println(v)
		printed++
		if printed == stopAfter {
			break
		}
	}
	close(done)
	stages.Wait()
}
