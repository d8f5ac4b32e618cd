package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// A named string type keeps its type: its methods, %T, String in
// printing, and interface equality against a plain string. Context values
// are looked up by key and key type.

type Color string

func (c Color) String() string { return "COLOR " + strings.ToUpper(string(c)) }

func (c Color) Warm() bool { return c == "red" || c == "orange" }

type key string

func main() {
	c := Color("red")
	fmt.Printf("%T|%v|%s|%q\n", c, c, c, string(c))
	fmt.Println(c, len(c), c == "red", c+"!", c.Warm(), Color("blue").Warm())
	var x any = c
	fmt.Println(x, x == any(Color("red")), x == any("red"))
	cs := []Color{"b", "a"}
	sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
	fmt.Println(cs, map[Color]int{"a": 1})
	var zero Color
	fmt.Printf("%q %T\n", string(zero), zero)
	ctx := context.WithValue(context.Background(), key("id"), 42)
	ctx = context.WithValue(ctx, key("user"), "ann")
	fmt.Println(ctx.Value(key("id")), ctx.Value(key("user")), ctx.Value("id"), ctx.Value(key("none")))
}

// Output:
// main.Color|COLOR RED|COLOR RED|"red"
// COLOR RED 3 true COLOR RED! true false
// COLOR RED true false
// [COLOR A COLOR B] map[COLOR A:1]
// "" main.Color
// 42 ann <nil> <nil>
