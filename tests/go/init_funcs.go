package main

import (
	"fmt"
	"math/rand"
	"time"
)

var total int

// Each init runs, in order, before main (the usual place to seed math/rand).
func init() {
	rand.Seed(time.Now().UnixNano())
	total = 10
	fmt.Println("init")
}

func init() {
	total++
}

func main() {
	fmt.Println("main", total)
}

// Output:
// init
// main 11
