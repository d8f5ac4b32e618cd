package main

// A variable of a named string type keeps it through assignments of
// constants.

import (
	"fmt"
	"strings"
)

type Color string

func (c Color) Loud() string { return strings.ToUpper(string(c)) }

const Red Color = "red"

func main() {
	c := Red
	c = "blue"
	fmt.Println(c.Loud())
	var d Color
	d = "x" + "y"
	fmt.Println(d.Loud())
	cs := []Color{Red}
	cs[0] = "green"
	fmt.Println(cs[0].Loud())
	cs = append(cs, "pink")
	fmt.Println(cs[1].Loud())
	fmt.Println(paint("gray").Loud())
	w := "q" + Red
	fmt.Println(w.Loud())
	w = "z"
	fmt.Println(w.Loud())
}

func paint(c Color) Color { return c }

// Output:
// BLUE
// XY
// GREEN
// PINK
// GRAY
// QRED
// Z
