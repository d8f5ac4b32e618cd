package main

// Functions that end in a terminating statement need no final return:
// if-else chains, a for without break, a switch with default, a panic.

import "fmt"

func a(x int) int {
	if x > 0 {
		return 1
	} else if x < 0 {
		return -1
	} else {
		panic("zero")
	}
}

func b(ch chan int) int {
	for {
		select {
		case v := <-ch:
			return v
		default:
			break
		}
	}
}

func c(x int) string {
	switch {
	case x > 0:
		return "pos"
	case x < 0:
		fallthrough
	default:
		return "other"
	}
}

func d(x any) int {
	switch x.(type) {
	case int:
		return 1
	default:
		return 0
	}
}

func e() int {
outer:
	for {
		for {
			break outer
		}
	}
	return 2
}

func f() (n int) {
	{
		return
	}
}

func main() {
	ch := make(chan int, 1)
	ch <- 4
	fmt.Println(a(3), b(ch), c(-1), d(1), e(), f())
}

// Output:
// 1 4 other 1 2 0
