package main

import (
	"fmt"
	"time"
)

// Operands of one type, or an untyped constant beside a typed value: the
// mixes Go accepts (its compiler refuses int * time.Duration).
type Celsius float64

const scale = 3
const tick time.Duration = 5 * time.Millisecond

func main() {
	n := 2
	var big int64 = 1 << 40
	var c Celsius = 100
	d := time.Duration(n) * time.Millisecond
	fmt.Println(d, scale*time.Millisecond, tick*2, 1<<n, big>>n)
	fmt.Println(c*9/5+32, c > 50, -c)
	fmt.Println(time.Duration(n)*tick == 10*time.Millisecond, big+int64(n))
	total := 0 * time.Second
	for i := 0; i < n; i++ {
		total += time.Duration(i+1) * time.Second
	}
	s := "go"
	s += "pher"
	fmt.Println(total, s, len(s) > n)
}

// Output:
// 2ms 3ms 10ms 4 274877906944
// 212 true -100
// true 1099511627778
// 3s gopher true
