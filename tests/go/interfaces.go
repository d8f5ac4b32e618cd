package main

import "fmt"

type Shape interface {
	Area() float64
}

type Sq struct{ s float64 }
type Circle struct{ r float64 }

func (s Sq) Area() float64     { return s.s * s.s }
func (c Circle) Area() float64 { return 3 * c.r * c.r }

func main() {
	shapes := []Shape{Sq{2}, Circle{1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	fmt.Println(total)
	var any interface{} = 42
	if n, ok := any.(int); ok {
		fmt.Println("int", n)
	}
	_, ok := any.(string)
	fmt.Println(ok)
}

// Output:
// 7
// int 42
// false
