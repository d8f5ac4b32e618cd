package main

import (
	"fmt"
	"sort"
	"sync"
)

// Go 1.22 semantics (the default here): each iteration has its own i.
// go:build go1.22 is what real Go needs to agree; Go 1.19 shares i.

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := []int{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(seen)
	fmt.Println(seen)
}

// Needs: go1.22
// Output:
// [0 1 2]
