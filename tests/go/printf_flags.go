package main

// Printf's less common verbs and flags: %U, %E, %G, * widths, %[n]
// indexes, the space and # flags, []byte operands, %+q.

import "fmt"

func main() {
	fmt.Printf("%U|%e|%E|%g|%G\n", 'x', 1234.5678, 1234.5678, 1e21, 1e-7)
	fmt.Printf("%*d|%-*d|\n", 5, 42, 4, 7)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("% d|% d|%+.2f\n", 5, -5, 3.14159)
	fmt.Printf("%.3s|%.2v|%5.1s|\n", "abcdef", "xyz", "hello")
	b := []byte("hi")
	fmt.Printf("%s|%x|%v|%q\n", b, b, b, b)
	fmt.Printf("%08.3f|%x|%X\n", 3.14159, "hi", "hi")
	fmt.Printf("%t|%v|%p\n", true, nil, nil)
	fmt.Printf("%c%c|%3c|\n", 72, 'i', 'z')
	fmt.Printf("%6.2f%%\n", 12.345)
	fmt.Printf("%x|% x|%#x|%#o|%#b\n", 255, []byte{1, 2}, 255, 8, 5)
	fmt.Printf("%v %d\n", [3]int{1, 2, 3}, []int8{-1, 2})
	fmt.Printf("%-8s|%8s|\n", "ab", "cd")
	fmt.Printf("%d %s\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Println(fmt.Sprintf("%5t|%-5t|", true, false))
	fmt.Printf("%q\n", []string{"a", "b"})
	fmt.Printf("%#q|%+q\n", "a`b", "héllo")
	fmt.Printf("%.0f %.0f %.1e\n", 2.5, 3.5, 123456.0)
	fmt.Printf("%g %g %g %v\n", 100000.0, 1e6, 0.000012, float32(0.1))
}

// Output:
// U+0078|1.234568e+03|1.234568E+03|1e+21|1E-07
//    42|7   |
// 2 1
//  5|-5|+3.14
// abc|xy|    h|
// hi|6869|[104 105]|"hi"
// 0003.142|6869|6869
// true|<nil>|%!p(<nil>)
// Hi|  z|
//  12.35%
// ff|01 02|0xff|010|0b101
// [1 2 3] [-1 2]
// ab      |      cd|
// 1 %!s(MISSING)
// 1
// %!(EXTRA int=2) true|false|
// ["a" "b"]
// "a`b"|"h\u00e9llo"
// 2 4 1.2e+05
// 100000 1e+06 1.2e-05 0.1
