// Unlocking an RWMutex that is not locked is Go's fatal error, which no
// recover can catch.
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() { fmt.Println("recovered?", recover()) }()
	var rw sync.RWMutex
	rw.Lock()
	rw.Unlock()
	rw.RLock()
	rw.RUnlock()
	fmt.Println("balanced")
	rw.Unlock()
}

// Output:
// balanced
// Error: fatal error: sync: Unlock of unlocked RWMutex
