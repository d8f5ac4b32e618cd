package main

import "fmt"

type Node struct {
	v    int
	next *Node
}

func main() {
	var head *Node
	for i := 0; i < 100000; i++ {
		head = &Node{i, head}
	}
	n, sum := 0, 0
	for p := head; p != nil; p = p.next {
		n++
		sum += p.v
	}
	fmt.Println(n, sum)
	head = nil
	fmt.Println(head == nil)
}

// Output:
// 100000 4999950000
// true
