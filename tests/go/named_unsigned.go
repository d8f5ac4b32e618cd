package main

// A named type over an unsigned integer prints, converts and compares as
// one, whatever its values' bits.

import "fmt"

type U uint8
type ID uint64
type Small int8

func main() {
	var u U = 200
	u += 100
	var id ID = 1<<64 - 1
	var s Small = 127
	s++
	fmt.Println(u, id, s)
	fmt.Printf("%d %x %v %T\n", id, id, u, u)
	fmt.Println(id/3, id>>60, ^U(0))
	m := map[ID]string{id: "max"}
	fmt.Println(m)
	var x uint = 1<<64 - 1
	fmt.Println(x, x/2, float64(id) > 0)
	f := float64(1 << 63)
	fmt.Println(uint64(f), ID(f)/2)
}

// Output:
// 44 18446744073709551615 -128
// 18446744073709551615 ffffffffffffffff 44 main.U
// 6148914691236517205 15 255
// map[18446744073709551615:max]
// 18446744073709551615 9223372036854775807 true
// 9223372036854775808 4611686018427387904
