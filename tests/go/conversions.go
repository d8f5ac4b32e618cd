package main

import "fmt"

func main() {
	var b byte = 250
	b += 10
	var i8 int8 = 127
	i8++
	f := 3.99
	fmt.Println(b, i8, int(f), float64(7)/2, string(rune(65)))
	bs := []byte("hey")
	bs[0] = 'H'
	fmt.Println(string(bs), len([]rune("héllo")))
	var u uint = 3
	fmt.Println(u - 1)
}

// Output:
// 4 -128 3 3.5 A
// Hey 5
// 2
