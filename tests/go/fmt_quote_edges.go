package main

import (
	"errors"
	"fmt"
)

// fmt's edges: a precision on %q cuts the text, %#q backquotes, %x of an
// error is its text's bytes, and %s and %q go to each element.
func main() {
	fmt.Printf("%.3q|%8.2q|\n", "golang", "gopher")
	fmt.Printf("%x %X\n", errors.New("x"), errors.New("hi"))
	fmt.Printf("%#q %#q\n", "plain", "with`tick")
	fmt.Printf("%s\n", map[string][]int{"a": {1, 2}})
	fmt.Printf("%q\n", []string{"a", "b"})
	fmt.Printf("%5.1f|%-8s|%08.3f|%+d|%x\n", 3.14159, "go", 3.14159, 5, "hi")
	fmt.Printf("%v %d\n", []byte("hi"), []byte("hi"))
	fmt.Printf("%s %x\n", []byte("hi"), []byte("hi"))
	fmt.Printf("%c %U %q\n", 'G', 'G', 'G')
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%6.2f%%\n", 12.345)
	fmt.Printf("%e %g %G\n", 123456.789, 0.000001234, 1e21)
	fmt.Printf("%3c|%-4d|%o|%b\n", 'x', 7, 8, 5)
	fmt.Printf("%*d|%-*d|\n", 5, 42, 4, 7)
}

// Output:
// "gol"|    "go"|
// 78 6869
// `plain` "with`tick"
// map[a:[%!s(int=1) %!s(int=2)]]
// ["a" "b"]
//   3.1|go      |0003.142|+5|6869
// [104 105] [104 105]
// hi 6869
// G U+0047 'G'
// true <nil> %!p(<nil>)
//  12.35%
// 1.234568e+05 1.234e-06 1E+21
//   x|7   |10|101
//    42|7   |
