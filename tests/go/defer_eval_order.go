package main

// A deferred call's function, receiver and arguments are evaluated when it
// is deferred.

import "fmt"

type T struct{ n int }

func (t T) show()   { fmt.Println("value recv", t.n) }
func (t *T) showP() { fmt.Println("ptr recv", t.n) }

func trace(s string) string { fmt.Println("enter", s); return s }
func un(s string)           { fmt.Println("leave", s) }

func ret() (x int) {
	defer func() { x *= 2 }()
	x = 3
	return x + 1
}

func ret2() int {
	x := 3
	defer func() { x *= 2 }()
	return x
}

func loop() {
	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
}

func main() {
	defer un(trace("main"))
	t := T{1}
	defer t.show()
	defer t.showP()
	t.n = 2
	fmt.Println(ret(), ret2())
	loop()
	fmt.Println()
	var f func()
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	defer f()
	fmt.Println("end of main")
}

// Output:
// enter main
// 8 3
// 2 1 0
// end of main
// recovered: runtime error: invalid memory address or nil pointer dereference
// ptr recv 2
// value recv 1
// leave main
