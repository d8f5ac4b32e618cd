package main

// The parts of Go's standard library that call back into Go code are
// written in Go: the interpreter compiles this file with every program.

type __sync_Once struct {
	done bool
}

func (o *__sync_Once) Do(f func()) {
	if !o.done {
		o.done = true
		f()
	}
}

type __strings_Builder struct {
	s string
}

func (b *__strings_Builder) WriteString(s string) (int, error) {
	b.s += s
	return len(s), nil
}

func (b *__strings_Builder) WriteByte(c byte) error {
	b.s += string(rune(c))
	return nil
}

func (b *__strings_Builder) WriteRune(r rune) (int, error) {
	b.s += string(r)
	return 1, nil
}

func (b *__strings_Builder) String() string {
	return b.s
}

func (b *__strings_Builder) Len() int {
	return len(b.s)
}

func (b *__strings_Builder) Reset() {
	b.s = ""
}

// A stable insertion-merge sort: runs of 8 by insertion, then merges by
// rotating, so it needs only swaps of the caller's slice.
func __sort_Slice(x any, less func(i, j int) bool) {
	n := len(x)
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			__swap(x, j, j-1)
		}
	}
}

func __rand_Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := __randn(i + 1)
		swap(i, j)
	}
}
