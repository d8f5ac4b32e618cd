// %q quotes each element of a slice, as %v prints each.
package main

import "fmt"

func main() {
	fmt.Printf("%q %q %q\n", []string{"a", "b c"}, "x", []string{})
	fmt.Printf("%q\n", [][]string{{"a"}, {"b"}})
}

// Output:
// ["a" "b c"] "x" []
// [["a"] ["b"]]
