// Unary ^ and - wrap to the operand's width, as binary operators do, and
// fmt.Println returns the bytes it wrote.
package main

import "fmt"

func main() {
	var u uint32 = 5
	var c uint16 = 1
	var b byte = 0
	var i8 int8 = -128
	fmt.Println(^u, -u, ^c, ^b, -i8, ^i8)
	n, err := fmt.Println("four")
	fmt.Println(n, err)
}

// Output:
// 4294967290 4294967291 65534 255 -128 127
// four
// 5 <nil>
