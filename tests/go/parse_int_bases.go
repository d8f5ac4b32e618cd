package main

// strconv.ParseInt with base 0 reads prefixes and underscores, clamps out
// of range values, and names a bad base or bit size; SplitN with an
// empty separator splits characters.

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	for _, s := range []string{"0x1f", "0b101", "0o17", "1_000", "010", "-0x10", "99999999999999999999", "-99999999999999999999", "12a", "", "+5", "--5"} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(n, err)
	}
	n, err := strconv.ParseInt("200", 10, 8)
	fmt.Println(n, err)
	n, err = strconv.ParseInt("5", 1, 8)
	fmt.Println(n, err)
	n, err = strconv.ParseInt("5", 10, 65)
	fmt.Println(n, err)
	fmt.Printf("%q %q %q\n", strings.SplitN("abc", "", 2), strings.SplitN("abc", "", -1), strings.SplitN("héllo", "", 3))
}

// Output:
// 31 <nil>
// 5 <nil>
// 15 <nil>
// 1000 <nil>
// 8 <nil>
// -16 <nil>
// 9223372036854775807 strconv.ParseInt: parsing "99999999999999999999": value out of range
// -9223372036854775808 strconv.ParseInt: parsing "-99999999999999999999": value out of range
// 0 strconv.ParseInt: parsing "12a": invalid syntax
// 0 strconv.ParseInt: parsing "": invalid syntax
// 5 <nil>
// 0 strconv.ParseInt: parsing "--5": invalid syntax
// 127 strconv.ParseInt: parsing "200": value out of range
// 0 strconv.ParseInt: parsing "5": invalid base 1
// 0 strconv.ParseInt: parsing "5": invalid bit size 65
// ["a" "bc"] ["a" "b" "c"] ["h" "é" "llo"]
