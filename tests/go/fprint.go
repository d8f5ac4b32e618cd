package main

import (
	"fmt"
	"os"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", Temp(21.5))
	fmt.Fprintf(os.Stdout, "%d-%s\n", 7, "x")
	fmt.Fprint(os.Stderr, "to stderr\n")
	fmt.Fprint(os.Stdout, "no newline", 1, 2, "\n")
}

// Output:
// to stdout 21.5°C
// 7-x
// no newline1 2
