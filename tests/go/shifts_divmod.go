package main

// Shifts, signed division and remainder, wrapping, and float32 rounding.

import "fmt"

func main() {
	var one uint = 1
	var n uint = 70
	fmt.Println(one<<n, one<<63, int64(1)<<n, int64(-8)>>n, int64(-8)>>1, -7>>1)
	s := 64
	var x int64 = 1
	fmt.Println(x<<s, x<<(s-1))
	var y int8 = 1
	fmt.Println(y<<7, y<<8, int8(-128)>>7)
	fmt.Println(-7/2, -7%2, 7/-2, 7%-2, -7/-2, -7%-2)
	a, b := -9, 4
	fmt.Println(a/b, a%b, a&b, a|b, a^b, a&^b, ^a)
	fmt.Println(1<<62, 1<<10-1, 1<<3|1)
	const big = 1 << 100
	_ = big >> 98
	fmt.Println(7.0/2, 7/2, 7/2.0, float64(7)/2)
	f := 3.99
	fmt.Println(int(f), int(-f), int64(2.5e9), uint8(int(f)))
	fmt.Println(int(float32(16777217)))
	const c = 5 / 2
	const d = 5.0 / 2
	var fl float64 = 5 / 2
	fmt.Println(c, d, fl)
	var u8 uint8 = 255
	fmt.Println(u8+1 == 0, u8/2*2)
	fmt.Println(0x10, 0o17, 0b101, 1_000_000, 'a'+1, 'a'*2)
	fmt.Println(3e2, 1e3 == 1000, 2.0*3)
	var i interface{} = 'x'
	fmt.Printf("%T %v\n", i, i)
	h := 1e100
	fmt.Println(h)
	fmt.Println(int64(-1) >> 63, uint64(1<<63) >> 63)
}

// Output:
// 0 9223372036854775808 0 -1 -4 -4
// 0 -9223372036854775808
// -128 0 -1
// -3 -1 -3 1 3 -1
// -2 -1 4 -9 -13 -13 8
// 4611686018427387904 1023 9
// 3.5 3 3.5 3.5
// 3 -3 2500000000 3
// 16777216
// 2 2.5 2
// true 254
// 16 15 5 1000000 98 194
// 300 true 6
// int32 120
// 1e+100
// -1 1
