// Go's words for each index and slice bound out of range: the last index
// is checked against the length or capacity first, then each against the
// next, and a negative index is named without the bound.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	a := [3]int{1, 2, 3}
	s := "abc"
	x := []int{1, 2, 3}
	var none []int
	i, j, k, n := -1, 1, 4, 2
	try("x[i]", func() { _ = x[i] })
	try("x[k]", func() { _ = x[k] })
	try("s[k]", func() { _ = s[k] })
	try("x[:k]", func() { _ = x[:k] })
	try("s[:k]", func() { _ = s[:k] })
	try("a[:k]", func() { _ = a[:k] })
	try("x[i:]", func() { _ = x[i:] })
	try("x[n:j]", func() { _ = x[n:j] })
	try("x[:i]", func() { _ = x[:i] })
	try("x[::k]", func() { _ = x[0:1:k] })
	try("a[::k]", func() { _ = a[0:1:k] })
	try("x[:n:j]", func() { _ = x[0:n:j] })
	try("x[n:j:n]", func() { _ = x[n:j:n] })
	try("x[i:j:n]", func() { _ = x[i:j:n] })
	try("x[:i:n]", func() { _ = x[0:i:n] })
	try("none[:j]", func() { _ = none[:j] })
	fmt.Println(len(x[1:2:3]), cap(x[1:2:3]), cap(a[0:1:2]), none[:0] == nil)
}

// Output:
// x[i] -> runtime error: index out of range [-1]
// x[k] -> runtime error: index out of range [4] with length 3
// s[k] -> runtime error: index out of range [4] with length 3
// x[:k] -> runtime error: slice bounds out of range [:4] with capacity 3
// s[:k] -> runtime error: slice bounds out of range [:4] with length 3
// a[:k] -> runtime error: slice bounds out of range [:4] with length 3
// x[i:] -> runtime error: slice bounds out of range [-1:]
// x[n:j] -> runtime error: slice bounds out of range [2:1]
// x[:i] -> runtime error: slice bounds out of range [:-1]
// x[::k] -> runtime error: slice bounds out of range [::4] with capacity 3
// a[::k] -> runtime error: slice bounds out of range [::4] with length 3
// x[:n:j] -> runtime error: slice bounds out of range [:2:1]
// x[n:j:n] -> runtime error: slice bounds out of range [2:1:]
// x[i:j:n] -> runtime error: slice bounds out of range [-1::]
// x[:i:n] -> runtime error: slice bounds out of range [:-1:]
// none[:j] -> runtime error: slice bounds out of range [:1] with capacity 0
// 1 2 2 true
