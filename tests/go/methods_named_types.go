package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type Count int

func (c *Count) Inc() { *c++ }

func (c Count) Twice() Count { return c * 2 }

type Words []string

func (w Words) Join() string { return strings.Join(w, "+") }

func (w *Words) Add(s string) { *w = append(*w, s) }

type Set map[string]bool

func (s Set) Has(k string) bool { return s[k] }

type Grid [2][2]int

func (g *Grid) Set(i, j, v int) { g[i][j] = v }

func (g Grid) Sum() int { return g[0][0] + g[0][1] + g[1][0] + g[1][1] }

// Methods on named types whose underlying type is not a struct.
func main() {
	c := Celsius(21.5)
	fmt.Println(c, c.Fahrenheit())
	fmt.Printf("%v %s %.2f\n", c, c, float64(c))
	var n Count
	n.Inc()
	n.Inc()
	fmt.Println(n, n.Twice())
	w := Words{"a", "b"}
	w.Add("c")
	fmt.Println(w.Join(), len(w))
	s := Set{"x": true}
	fmt.Println(s.Has("x"), s.Has("y"))
	var g Grid
	g.Set(0, 1, 5)
	g.Set(1, 1, 2)
	fmt.Println(g.Sum(), g)
	var st interface{ String() string } = c
	fmt.Println(st.String())
}

// Output:
// 21.5°C 70.7
// 21.5°C 21.5°C 21.50
// 2 4
// a+b+c 3
// true false
// 7 [[0 5] [0 2]]
// 21.5°C
