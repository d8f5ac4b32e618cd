package main

import "fmt"

type Counter struct{ n int }

func bump(c *Counter) { c.n++ }

func main() {
	x := 1
	p := &x
	*p = 5
	fmt.Println(x, *p)
	c := Counter{}
	bump(&c)
	bump(&c)
	fmt.Println(c.n)
	pc := &Counter{n: 7}
	bump(pc)
	fmt.Println(pc.n, *pc)
	q := new(int)
	*q += 3
	fmt.Println(*q)
}

// Output:
// 5 5
// 2
// 8 {8}
// 3
