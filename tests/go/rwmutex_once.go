package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	var rw sync.RWMutex
	n := 0
	for i := 0; i < 3; i++ {
		once.Do(func() { n++ })
	}
	rw.Lock()
	n += 10
	rw.Unlock()
	rw.RLock()
	fmt.Println(n)
	rw.RUnlock()
}

// Output:
// 11
