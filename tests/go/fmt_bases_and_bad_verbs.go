// Integers in other bases keep their sign, %q quotes runes as Go source
// does, and a verb that does not fit its operand says so.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36), strconv.FormatInt(-8, 2))
	fmt.Printf("%x %o %X %#x %b %#x\n", -255, -8, 255, -255, -5, uint8(200))
	fmt.Printf("%q %q %q %q %q %q\n", '\n', '\'', '\\', '\x00', '"', 'é')
	fmt.Printf("%t %f %c %t %e %g %c\n", 1, "x", "str", true, 1, "s", 65)
}

// Output:
// -ff z -1000
// -ff -10 FF -0xff -101 0xc8
// '\n' '\'' '\\' '\x00' '"' 'é'
// %!t(int=1) %!f(string=x) %!c(string=str) true %!e(int=1) %!g(string=s) A
