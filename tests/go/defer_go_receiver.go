package main

// A value receiver is copied when a method call is deferred or started
// with go, and when a method value is taken.

import (
	"fmt"
	"sync"
)

type T struct{ n int }

func (t T) show(wg *sync.WaitGroup) {
	fmt.Println("value recv", t.n)
	if wg != nil {
		wg.Done()
	}
}

func show(t T) { fmt.Println("func arg", t.n) }

func main() {
	t := T{1}
	defer t.show(nil)
	defer show(t)
	arr := [2]int{1, 2}
	defer fmt.Println("arr", arr)
	s := []int{1, 2}
	defer fmt.Println("slice", s)
	var wg sync.WaitGroup
	wg.Add(1)
	go t.show(&wg)
	t.n = 2
	arr[0] = 9
	s[0] = 9
	wg.Wait()
	f := t.show
	t.n = 3
	f(nil)
}

// Output:
// value recv 1
// value recv 2
// slice [9 2]
// arr [1 2]
// func arg 1
// value recv 1
