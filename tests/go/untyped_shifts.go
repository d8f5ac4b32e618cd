package main

import (
	"fmt"
	"time"
)

// A shift of an untyped constant takes its type from where it is used, and
// a callee's types are its own, not what the caller's scope calls them
// (the interpreter's type checks once refused each of these).
type Celsius float64

func temp() Celsius { return 1.5 }

var base Celsius = 2

const bits = 3

func main() {
	for attempt := 0; attempt < 3; attempt++ {
		backoff := (1 << attempt) * time.Millisecond
		time.Sleep(backoff)
		fmt.Println(backoff)
	}
	f := 2.0
	scale := 1.0 / (1 << bits)
	fmt.Println(f*scale, (1<<3)*f)
	x := 1.0 << 3
	var i int = x
	var d time.Duration = -(1 << 3) * time.Millisecond
	fmt.Println(i, d)
	{
		type Celsius int
		var c Celsius = 3
		y := temp() + base
		fmt.Println(y, c)
	}
}

// Output:
// 1ms
// 2ms
// 4ms
// 0.25 16
// 8 -8ms
// 3.5 3
