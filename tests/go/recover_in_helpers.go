package main

import "fmt"

// A panic recovered inside a deferred call (by a helper with its own
// deferred recover) ends there: the panic that ran the deferred call goes
// on, and only a recover the deferred call makes itself stops it.


func inner() {
	defer func() { fmt.Println("inner first defer:", recover()) }()
	defer func() { fmt.Println("inner got:", recover()) }()
	panic("inner")
}

func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught: %v", r)
		}
	}()
	f()
	return nil
}

func mainP4() {
	defer func() {
		fmt.Println("main got:", recover())
	}()
	defer func() {
		inner()
		fmt.Println("after inner")
	}()
	defer func() {
		fmt.Println(safe(func() { panic("x") }))
		fmt.Println("after safe")
	}()
	panic("outer")
}

func helper5() {
	defer func() { fmt.Println("helper defer") }()
}

func f5() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		helper5()
	}()
	defer func() { panic("P") }()
	panic("Q")
}

type T int

func (t T) String() string {
	defer func() { recover() }()
	panic("in String")
}

func g5() {
	defer func() {
		fmt.Println("g got:", recover())
	}()
	defer func() {
		fmt.Println("printing", T(1))
	}()
	panic("outer")
}

func mainP5() {
	f5()
	fmt.Println("after f")
	g5()
	fmt.Println("end")
}
func main() {
	mainP5()
	mainP4()
}

// Output:
// recovered P
// helper defer
// after f
// printing 
// g got: outer
// end
// caught: x
// after safe
// inner got: inner
// inner first defer: <nil>
// after inner
// main got: outer
