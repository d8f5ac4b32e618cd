package main

import (
	"fmt"
	"math/rand"
	"sort"
	"time"
)

// rand.New(rand.NewSource(seed)), the older way to a generator: each
// draw is in range, whatever the seed (the run's seed decides them here).
func main() {
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	var src rand.Source = rand.NewSource(42)
	r2 := rand.New(src)
	n := r.Intn(10)
	f := r2.Float64()
	p := r.Perm(5)
	sort.Ints(p)
	r.Shuffle(3, func(i, j int) {})
	fmt.Println(n >= 0 && n < 10, f >= 0 && f < 1, p, r.Int63() >= 0, r.Int() >= 0, r.Int31n(5) < 5)
	fmt.Printf("%T\n", r)
}

// Output:
// true true [0 1 2 3 4] true true true
// *rand.Rand
