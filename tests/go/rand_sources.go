package main

import (
	"fmt"
	"math/rand"
)

type fixed struct{ n int64 }

func (f *fixed) Int63() int64    { f.n++; return f.n }
func (f *fixed) Seed(seed int64) { f.n = seed }

// Two generators made from the same seed agree, as Go promises, and a
// program's own Source is what a Rand draws from, through Go's own ways
// from Int63 to Intn. An untyped constant beside a float is exact.
func main() {
	var n int64 = 5
	fmt.Println(float64(n) / (1 << 63))
	r2 := rand.New(rand.NewSource(42))
	r3 := rand.New(rand.NewSource(42))
	same := true
	for i := 0; i < 100; i++ {
		if r2.Intn(100) != r3.Intn(100) {
			same = false
		}
	}
	fmt.Println(same)
	x := r2.Float64()
	fmt.Println(x >= 0 && x < 1)
	p := r3.Perm(5)
	fmt.Println(len(p))
	r4 := rand.New(&fixed{10})
	fmt.Println(r4.Int63(), r4.Intn(5))
}

// Output:
// 5.421010862427522e-19
// true
// true
// 5
// 11 0
