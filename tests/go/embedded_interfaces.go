package main

// Interfaces embed interfaces (declared before or after them, fmt.Stringer
// too), and a struct embeds an interface.

import "fmt"

type ReadWriter interface {
	Reader
	Writer
}

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }

type Named interface {
	fmt.Stringer
	Name() string
}

type File struct{ data string }

func (f *File) Read() string   { return f.data }
func (f *File) Write(s string) { f.data += s }
func (f *File) String() string { return "file(" + f.data + ")" }
func (f *File) Name() string   { return "f" }

type Logger struct {
	Writer
	prefix string
}

func main() {
	var rw ReadWriter = &File{}
	rw.Write("hi")
	fmt.Println(rw.Read())
	var n Named = &File{"x"}
	fmt.Println(n, n.Name())
	_, ok := any(&File{}).(ReadWriter)
	fmt.Println(ok)
	l := Logger{Writer: rw, prefix: "> "}
	l.Write("!")
	fmt.Println(rw.Read())
}

// Output:
// hi
// file(x) f
// true
// hi!
