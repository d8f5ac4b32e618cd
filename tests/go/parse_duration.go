package main

import (
	"fmt"
	"time"
)

// time.ParseDuration, with Go's errors.
func main() {
	for _, s := range []string{"1h15m30.5s", "300ms", "-1.5h", "0", "1", "1x", "bogus", "", "2h45m", "1.5µs", "10us", ".5s", "+3s", "1e3s"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
}

// Output:
// 1h15m30.5s <nil>
// 300ms <nil>
// -1h30m0s <nil>
// 0s <nil>
// 0s time: missing unit in duration "1"
// 0s time: unknown unit "x" in duration "1x"
// 0s time: invalid duration "bogus"
// 0s time: invalid duration ""
// 2h45m0s <nil>
// 1.5µs <nil>
// 10µs <nil>
// 500ms <nil>
// 3s <nil>
// 0s time: unknown unit "e" in duration "1e3s"
