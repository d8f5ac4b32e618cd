package main

// Typed constants and concatenations keep a named string type.

import (
	"fmt"
	"strings"
)

type Color string

func (c Color) Loud() string { return strings.ToUpper(string(c)) }

const Red Color = "red"

func try(name string, f func() string) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "PANIC", r)
		}
	}()
	fmt.Println(name, f())
}

func paint(c Color) Color { return c }

func main() {
	try("constassign", func() string { c := Red; c = "blue"; return c.Loud() })
	try("var", func() string { var d Color; d = "x" + "y"; return d.Loud() })
	try("slice", func() string { cs := []Color{Red}; cs[0] = "green"; return cs[0].Loud() })
	try("append", func() string { cs := []Color{Red}; cs = append(cs, "pink"); return cs[1].Loud() })
	try("arg", func() string { return paint("gray").Loud() })
	try("concat", func() string { w := "q" + Red; return w.Loud() })
	try("concat-assign", func() string { w := "q" + Red; w = "z"; return w.Loud() })
	try("map", func() string { m := map[string]Color{"a": "x"}; return m["a"].Loud() })
	try("mapassign", func() string { m := map[string]Color{}; m["a"] = "y"; return m["a"].Loud() })
	try("struct", func() string { type S struct{ C Color }; s := S{C: "k"}; return s.C.Loud() })
	try("structassign", func() string { type S struct{ C Color }; var s S; s.C = "k"; return s.C.Loud() })
	try("chan", func() string { ch := make(chan Color, 1); ch <- "c"; return (<-ch).Loud() })
	try("ret", func() string { f := func() Color { return "r" }; return f().Loud() })
	try("array", func() string { a := [2]Color{"a", "b"}; return a[1].Loud() })
	try("sliceof", func() string { a := []Color{"a", "b"}; return a[1].Loud() })
	try("varinit", func() string { var c Color = "v"; return c.Loud() })
	try("switch", func() string {
		var c Color = "v"
		switch c {
		case "v":
			return "matched " + c.Loud()
		}
		return "no"
	})
	try("iface", func() string { var a any = Color("i"); c := a.(Color); return c.Loud() })
	try("sprint", func() string { return fmt.Sprintf("%v %T", Red+"x", Red+"x") })
}

// Output:
// constassign BLUE
// var XY
// slice GREEN
// append PINK
// arg GRAY
// concat QRED
// concat-assign Z
// map X
// mapassign Y
// struct K
// structassign K
// chan C
// ret R
// array B
// sliceof B
// varinit V
// switch matched V
// iface I
// sprint redx main.Color
