package main

import (
	"fmt"
	"sync"
)

type P struct{ X int }
type Pt struct{ X int }
type PT *Pt

func worker(id int, wg *sync.WaitGroup, out *[]int, mu *sync.Mutex) {
	defer wg.Done()
	mu.Lock()
	*out = append(*out, id)
	mu.Unlock()
}

// Values Go assigns across types that differ by name only where one side
// is unnamed: an anonymous struct and a named one, a named pointer type
// and a pointer; and pointers passed where pointers go.
func main() {
	var t P = struct{ X int }{4}
	var s struct{ X int } = P{3}
	var p PT = &Pt{5}
	q := &t
	var r *P = q
	var wg sync.WaitGroup
	var mu sync.Mutex
	var ids []int
	wg.Add(1)
	go worker(1, &wg, &ids, &mu)
	wg.Wait()
	fmt.Println(t, s, p.X, r.X, ids)
}

// Output:
// {4} {3} 5 4 [1]
