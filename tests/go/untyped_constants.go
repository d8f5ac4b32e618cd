package main

import "fmt"

// An untyped constant takes the type of where it goes: a float64 or a
// named type's variable, parameter, result, element, field or channel. A
// nil takes a pointer's or slice's type.

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Level int

func (l Level) String() string { return [...]string{"low", "high"}[l] }

func half(x float64) float64 { return x / 2 }
func show(c Celsius)         { fmt.Println(c) }

type P struct{ X float64 }

func (p *P) Set(x float64) { p.X = x }

func main() {
	fmt.Println(half(3))
	show(20)
	var c Celsius = 10
	c = 15
	fmt.Println(c, c+1)
	var l Level
	l = 1
	fmt.Println(l)
	p := &P{}
	p.Set(7)
	fmt.Println(p.X / 2)
	ch := make(chan float64, 1)
	ch <- 3
	fmt.Println(<-ch / 2)
	fs := []float64{1, 2}
	fs = append(fs, 5)
	fmt.Println(fs[2] / 2)
	m := map[string]Celsius{"a": 3}
	m["b"] = 4
	fmt.Println(m)
	arr := [2]float64{}
	arr[1] = 9
	fmt.Println(arr[1] / 2)
	var x float64 = 10 / 4
	y := 10 / 4.0
	fmt.Println(x, y)
	var i any = 3
	fmt.Printf("%T\n", i)
	init2()
}

type MyErr struct{}

func (*MyErr) Error() string { return "my" }

func ratio() float64 { return 1 }
func none() *MyErr    { return nil }

func init2() {
	fmt.Println(ratio() / 2)
	var err error = none()
	fmt.Println(err != nil)
	c := []int{1}
	c = nil
	fmt.Printf("%#v %d\n", c, len(c))
}

// Output:
// 1.5
// 20.0°C
// 15.0°C 16.0°C
// high
// 3.5
// 1.5
// 2.5
// map[a:3.0°C b:4.0°C]
// 4.5
// 2 2.5
// int
// 0.5
// true
// []int(nil) 0
