// sync.Cond: a bounded queue whose consumers Wait until an item comes,
// Signal waking one of them and Broadcast the rest at shutdown.
package main

import (
	"fmt"
	"sync"
)

type Queue struct {
	mu     sync.Mutex
	ready  *sync.Cond
	items  []int
	closed bool
}

func NewQueue() *Queue {
	q := &Queue{}
	q.ready = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.ready.Signal()
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.ready.Broadcast()
}

// Take waits for an item; false once the queue is closed and empty.
func (q *Queue) Take() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.ready.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

func main() {
	q := NewQueue()
	var wg sync.WaitGroup
	sums := make([]int, 3)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				v, ok := q.Take()
				if !ok {
					return
				}
				sums[w] += v
			}
		}(w)
	}
	for i := 1; i <= 100; i++ {
		q.Put(i)
	}
	q.Close()
	wg.Wait()
	fmt.Println(sums[0] + sums[1] + sums[2])
	var l sync.Locker = &sync.Mutex{}
	l.Lock()
	l.Unlock()
	fmt.Printf("%T\n", q.ready)
}

// Output:
// 5050
// *sync.Cond
