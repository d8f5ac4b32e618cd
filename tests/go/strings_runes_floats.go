package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// utf8.DecodeRuneInString, strings.Map, strconv.FormatFloat and
// strings.Title, as Go 1.19 has them.
func main() {
	r, size := utf8.DecodeRuneInString("héllo")
	fmt.Println(string(r), size)
	r, size = utf8.DecodeRuneInString("é!")
	fmt.Println(r, size, utf8.RuneLen('é'))
	rot := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return 'a' + (r-'a'+13)%26
		}
		if r == '!' {
			return -1
		}
		return r
	}, "hello, world!")
	fmt.Println(rot)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.5, 'e', 3, 64))
	fmt.Println(strconv.FormatFloat(2.5, 'E', -1, 64), strconv.FormatFloat(1.0/3, 'g', 4, 32), strconv.FormatFloat(100, 'f', -1, 64), strconv.FormatFloat(1, 'x', 2, 64) != "")
	r, size = utf8.DecodeRuneInString("")
	fmt.Println(r, size, strings.Title("go_lang is-fun x2y"))
	fmt.Println(strings.Title("hello wide world"))
}

// Output:
// h 1
// 233 2 2
// uryyb, jbeyq
// 3.14 1e+21 5.000e-01
// 2.5E+00 0.3333 100 true
// 65533 0 Go_lang Is-Fun X2y
// Hello Wide World
