package main

import "fmt"

func f() (n int) {
	defer func() { n *= 2 }()
	n = 3
	return n + 1
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("f:", f())
	fmt.Println("end of main")
}

// Output:
// f: 8
// end of main
// deferred 2
// deferred 1
// deferred 0
