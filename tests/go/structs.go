package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Name     string
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q)
	r := Rect{Min: Point{0, 0}, Max: Point{X: 3, Y: 4}, Name: "box"}
	fmt.Printf("%v\n%+v\n", r, r)
	r.Max.Y = 5
	fmt.Println(r.Max)
	var z Point
	fmt.Println(z, z == Point{})
}

// Output:
// {1 2} {10 2}
// {{0 0} {3 4} box}
// {Min:{X:0 Y:0} Max:{X:3 Y:4} Name:box}
// {3 5}
// {0 0} true
