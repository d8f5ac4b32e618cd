package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	return [...]string{"red", "green", "blue"}[c]
}

type P struct{ name string }

func (p *P) String() string { return "P(" + p.name + ")" }

func main() {
	fmt.Println(Red, Blue)
	fmt.Printf("%v %d %s\n", Green, Green, Blue)
	p := &P{"x"}
	fmt.Println(p)
}

// Output:
// red blue
// green 1 blue
// P(x)
