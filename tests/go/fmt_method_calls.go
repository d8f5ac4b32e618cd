// fmt calls a String or Error method once for each value it prints through
// it, never for %#v (Go syntax), and %x of a Stringer is the hex of its text.
package main

import "fmt"

type C int

var calls int

func (c C) String() string { calls++; return fmt.Sprint("c", calls) }

type T struct{ A int }

func (t T) String() string { return "T!" }

type E int

func (e E) Error() string { return "E!" }

func main() {
	fmt.Println([]any{1, 2}, []C{7, 8})
	fmt.Println(calls)
	fmt.Println([]any{1, C(5)}, []C{7, 8})
	fmt.Println(calls)
	fmt.Println(map[string]any{"a": 1}, C(1), []C{2})
	fmt.Println(calls)
	fmt.Printf("%#v %#v %#v\n", T{1}, []T{{1}}, E(3))
	fmt.Printf("%x %+v %d\n", T{1}, []T{{2}}, []T{{2}})
}

// Output:
// [1 2] [c1 c2]
// 2
// [1 c3] [c4 c5]
// 5
// map[a:1] c6 [c7]
// 7
// main.T{A:1} []main.T{main.T{A:1}} 3
// 5421 [T!] [{2}]
