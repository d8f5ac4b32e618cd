package main

import (
	"fmt"
	"sort"
	"sync"
)

// sync.Map: stores from many goroutines, LoadOrStore, LoadAndDelete, and a
// Range that stops when f returns false.
func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m.Store(i, i*i)
			m.LoadOrStore("first", i)
		}(i)
	}
	wg.Wait()
	v, ok := m.Load(3)
	fmt.Println(v, ok)
	_, ok = m.Load(9)
	fmt.Println(ok)
	actual, loaded := m.LoadOrStore(3, 100)
	fmt.Println(actual, loaded)
	m.Delete(4)
	old, loaded := m.LoadAndDelete(2)
	fmt.Println(old, loaded)
	var keys []int
	m.Range(func(k, v any) bool {
		if n, ok := k.(int); ok {
			keys = append(keys, n)
		}
		return true
	})
	sort.Ints(keys)
	fmt.Println(keys)
	count := 0
	m.Range(func(k, v any) bool {
		count++
		return false
	})
	fmt.Println(count)
}

// Output:
// 9 true
// false
// 9 true
// 4 true
// [0 1 3]
// 1
