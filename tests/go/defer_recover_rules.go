package main

import "fmt"

// A deferred call run by a panic calls ordinary functions as usual, and
// only a recover it makes itself stops the panic.

func helper() string { return "helped" }

func tryRecover() any { return recover() }

func named() (r int) {
	defer func() {
		fmt.Println("in defer:", helper())
		fmt.Println("helper recover:", tryRecover())
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			r = 7
		}
		fmt.Println("after recover")
	}()
	panic("boom")
}

func nested() {
	defer func() {
		fmt.Println("outer:", recover())
	}()
	defer func() {
		func() {
			defer func() { fmt.Println("inner recover:", recover()) }()
		}()
		fmt.Println("second defer done")
	}()
	panic("gee")
}

func replaced() {
	defer func() { fmt.Println("replaced, recovered:", recover()) }()
	defer func() { panic("second") }()
	panic("first")
}

func normal() {
	defer func() { fmt.Println("recover on a normal return:", recover()) }()
}

func main() {
	fmt.Println(named())
	nested()
	replaced()
	normal()
	fmt.Println("recover outside a deferred call:", recover())
	defer fmt.Println("main's deferred call runs")
	defer func() { panic(fmt.Sprint("again ", 2)) }()
	panic("first")
}

// Output:
// in defer: helped
// helper recover: <nil>
// recovered: boom
// after recover
// 7
// inner recover: <nil>
// second defer done
// outer: gee
// replaced, recovered: second
// recover on a normal return: <nil>
// recover outside a deferred call: <nil>
// main's deferred call runs
// Error: panic: first
