package main

import "fmt"

const (
	Big   = 1 << 100
	Small = Big >> 99
)

func needInt(x int) int           { return x*10 + 1 }
func needFloat(x float64) float64 { return x * 0.1 }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

// Constant expressions are exact, as Go computes them: a float64 is made
// once, at the end (0.1 + 0.2 is 0.3), and an integer may pass 64 bits
// on the way (the Go Tour's Big and Small).
func main() {
	fmt.Println(needInt(Small))
	fmt.Println(needFloat(Small))
	fmt.Println(needFloat(Big))
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3)
	fmt.Println(1<<62*4/4)
	const c = 1 << 100
	fmt.Println(c >> 98)
	x := 0.1
	fmt.Println(x+0.2, 7/2, 7/2.0, 'a'+1, KB, MB, GB, Monday, Tuesday)
	var f float32 = 0.1 + 0.2
	var d = 3 / 2 * 2.0
	fmt.Println(f, d, -5%3, ^0, 1.5e2*2)
	const h = 'x' - 'a'
	fmt.Printf("%T %v %T\n", h, h, 2.0*3)
}

// Output:
// 21
// 0.2
// 1.2676506002282295e+29
// 0.3 true
// 4611686018427387904
// 4
// 0.30000000000000004 3 3.5 98 1024 1048576 1073741824 1 2
// 0.3 2 -2 -1 300
// int32 23 float64
