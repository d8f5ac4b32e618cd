package main

// Integer verbs and flags: %x %X %o %O %b with # and space, precision as
// least digits, byte slices in hex.

import "fmt"

func main() {
	fmt.Printf("%5d|%-5d|%05d|%+d|%+d\n", 42, 42, 42, 42, -42)
	fmt.Printf("%x|%X|%o|%O|%b|%#x|%#o|%#b\n", 255, 255, 8, 8, 5, 255, 8, 5)
	fmt.Printf("%x|%X|%08.3d|%-08d|\n", -255, -255, 7, 7)
	fmt.Printf("% d|% d|%+05d|%-+5d|\n", 5, -5, 5, 5)
	fmt.Printf("%c|%c|%U|%q\n", 65, 0x1F600, 0x1F600, 65)
	fmt.Printf("%t|%v|%5t|\n", true, false, true)
	fmt.Printf("%%|%d%%\n", 50)
	fmt.Printf("%3c|%-3c|\n", 'x', 'y')
	fmt.Printf("%x|% x|%#x|%X\n", []byte{1, 171}, []byte{1, 171}, []byte{1, 171}, "hi")
	fmt.Printf("%08b|%o\n", uint8(5), -8)
	fmt.Printf("%d|%d\n", []int{1, 2}, map[string]int{"a": 1})
	fmt.Printf("%x\n", []int{10, 255})
	fmt.Printf("%v|%d\n", int64(-1)<<63, uint64(1)<<63)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z\n", 3)
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 5)
	fmt.Printf("%!\n")
}

// Output:
//    42|42   |00042|+42|-42
// ff|FF|10|0o10|101|0xff|010|0b101
// -ff|-FF|     007|7       |
//  5|-5|+0005|+5   |
// A|😀|U+1F600|'A'
// true|false| true|
// %|50%
//   x|y  |
// 01ab|01 ab|0x01ab|6869
// 00000101|-10
// [1 2]|map[%!d(string=a):1]
// [a ff]
// -9223372036854775808|9223372036854775808
//     1|2   |
// 2 1
// 1 %!d(MISSING)
// 1
// %!(EXTRA int=2)%!z(int=3)
// %!d(string=str)
// %!s(int=5)
// %!!(MISSING)
