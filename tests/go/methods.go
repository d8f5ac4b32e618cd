package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()     { c.n++ }
func (c Counter) Get() int { return c.n }

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c.Get())
	p := &c
	p.Inc()
	fmt.Println(p.Get(), c.n)
	f := c.Inc
	f()
	fmt.Println(c.n)
	fmt.Println(Celsius(100).F())
}

// Output:
// 2
// 3 3
// 4
// 212
