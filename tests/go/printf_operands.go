// Printf's operand numbering: * widths and precisions, %[n] before each,
// bad and missing indexes, BADWIDTH, NOVERB and EXTRA.
package main

import "fmt"

type N int

func (n N) String() string { return fmt.Sprintf("N%d", int(n)) }

// Loud says when fmt calls its String method: only for operands printed.
type Loud struct{}

func (Loud) String() string {
	fmt.Println("String called")
	return "loud"
}

func main() {
	fmt.Printf("%*d|%-*d|%.*f|\n", 5, 42, 4, 7, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %d\n", 1, 2)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x")
	fmt.Printf("%*")
	fmt.Println()
	fmt.Printf("%*", 3)
	fmt.Println()
	fmt.Printf("%[1]*d|\n", 4, 9)
	fmt.Printf("%.[2]*[1]f|\n", 3.14159, 2)
	fmt.Printf("%v %s %d %x\n", N(1), N(2), N(3), N(255))
	fmt.Printf("%[1]v %[1]s\n", N(4))
	fmt.Printf("%-5s|%05d|%+d|% d|%%|%q\n", "ab", 42, 5, 7, "hi")
	fmt.Printf("%[0]d %[x]d\n", 1)
	fmt.Printf("%!\n")
	fmt.Printf("%.3d|%8.3f|%-8.2f|\n", 7, 3.14159, 2.5)
	fmt.Printf("%[2]*[1]d|\n", 12, 5)
	fmt.Printf("%*d|%.*d|%*d|\n", 2000000, 1, -5, 2, -2000000, 3)
	fmt.Printf("%[1]d|%5d|%-6s|\n", 1, "ab", 3)
	fmt.Printf("%[1]d\n", 7, Loud{})
	err := fmt.Errorf("wrap %d: %w", 3, fmt.Errorf("inner"))
	fmt.Println(err)
}

// Output:
//    42|7   |3.14|
// 2 1 2
// %!d(BADINDEX)
// 1 %!d(MISSING)
// 1
// %!(EXTRA int=2, string=x)%!(BADWIDTH)%!(NOVERB)
// %!(NOVERB)
//    9|
// 3.14|
// N1 N2 3 4e323535
// N4 N4
// ab   |00042|+5| 7|%|"hi"
// %!d(BADINDEX) %!d(BADINDEX)
// %!!(MISSING)
// 007|   3.142|2.50    |
//    12|
// %!(BADWIDTH)1|%!(BADPREC)2|%!(BADWIDTH)3|
// 1|%!d(string=   ab)|%!s(int=3     )|
// 7
// wrap 3: inner
