// fmt.Errorf with a nil %w operand, and fmt.Fprintf into a strings.Builder.
package main

import (
	"errors"
	"fmt"
	"strings"
)

func main() {
	err := fmt.Errorf("wrap: %w", nil)
	fmt.Println(err, errors.Unwrap(err) == nil)

	var b strings.Builder
	fmt.Fprintf(&b, "%d-%s", 7, "x")
	fmt.Fprint(&b, "|", 8)
	fmt.Fprintln(&b, "!")
	fmt.Printf("%q %d\n", b.String(), b.Len())
}

// Output:
// wrap: %!w(<nil>) true
// "7-x|8!\n" 7
