package main

// %q of a slice of Stringers quotes each element's text.

import "fmt"

type N int

func (n N) String() string { return fmt.Sprintf("N%d", int(n)) }

type P struct{ X, Y int }

func (p *P) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }

func main() {
	ss := []fmt.Stringer{N(1), N(2), &P{1, 2}}
	fmt.Printf("%q\n", ss)
	fmt.Printf("%v\n", ss)
	fmt.Printf("%d\n", []N{1, 2})
	fmt.Println(P{3, 4}, &P{3, 4})
	fmt.Printf("%v %+v\n", P{3, 4}, P{3, 4})
	ps := []*P{{1, 1}, {2, 2}}
	fmt.Println(ps)
	fmt.Printf("%s\n", N(5))
	fmt.Printf("%x\n", N(255))
	fmt.Printf("%5v|%-5v|\n", N(3), N(4))
	var np *P
	fmt.Println(np == nil)
}

// Output:
// ["N1" "N2" "P(1,2)"]
// [N1 N2 P(1,2)]
// [1 2]
// {3 4} P(3,4)
// {3 4} {X:3 Y:4}
// [P(1,1) P(2,2)]
// N5
// 4e323535
//    N3|N4   |
// true
