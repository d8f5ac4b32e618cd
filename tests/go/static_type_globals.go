//go:build go1.21

package main

// Package-level variables have their types in every function body.

import "fmt"

type S struct{ F float64 }

func (s *S) Set(v float64) { s.F = v }

func describe(v any) string {
	switch x := v.(type) {
	case int:
		x = x * 2
		return fmt.Sprint("int ", x)
	case float64:
		x = x / 4
		return fmt.Sprint("float ", x)
	case error:
		return fmt.Sprint("err ", x == nil)
	}
	return "?"
}

var gf = 1.5
var gi = 3

func named() (a float64, b error) {
	a = 7
	a = a / 2
	return
}

func main() {
	fmt.Println(describe(3), describe(3.0), describe(fmt.Errorf("e")))
	for i, v := range []float64{1.5, 2.5} {
		v = v / 2
		fmt.Println(i, v)
	}
	var fs []func()
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { fmt.Print(i, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
	gf = 2
	gf = gf / 4
	gi = 7 / 2
	fmt.Println(gf, gi)
	fmt.Println(named())
	s := &S{}
	s.Set(3)
	fmt.Println(s.F / 2)
	setter := s.Set
	setter(5)
	fmt.Println(s.F / 2)
	{
		x := 1.5
		_ = x
	}
	{
		var y int
		y = 7
		fmt.Println(y / 2)
	}
	z := 5
	func() {
		z := 1.5
		z = z / 2
		fmt.Println(z)
	}()
	func() {
		z = 9
		z = z / 2
	}()
	fmt.Println(z)
	var e error
	var p *S
	fmt.Println(e == nil, p == nil)
	ch := make(chan float64, 2)
	ch <- 1
	ch <- 3 / 2
	fmt.Println(<-ch, <-ch)
	m := map[string]float64{}
	m["a"] = 1
	m["a"] /= 4
	fmt.Println(m)
	arr := [3]float64{}
	arr[1] = 3
	fmt.Println(arr[1] / 2)
}

// Output:
// int 6 float 0.75 err false
// 0 0.75
// 1 1.25
// 3 3 3
// 0.5 3
// 3.5 <nil>
// 1.5
// 2.5
// 3
// 0.75
// 4
// true true
// 1 1
// map[a:0.25]
// 1.5
