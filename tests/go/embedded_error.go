package main

import (
	"errors"
	"fmt"
)

type MyErr struct {
	error
	Code int
}

type Named struct{ fmt.Stringer }

type S struct{}

func (S) String() string { return "S!" }

// A struct prints through the Error or String method it embeds, the
// library's own (errors.New's value) as well as the program's.
func main() {
	e := MyErr{errors.New("base"), 5}
	fmt.Println(e)
	fmt.Println(e.Error())
	var err error = e
	fmt.Println(err)
	fmt.Println(Named{S{}})
	fmt.Printf("%v %+v\n", e, e)
}

// Output:
// base
// base
// base
// S!
// base base
