// Printf applies a verb, its flags, width and precision to each element
// of a slice, array or map and each field of a struct: a grid of numbers
// in columns, floats to two places, strings in hex.
package main

import "fmt"

type T struct {
	A int
	B string
}

type P struct{ X, Y float64 }

func main() {
	grid := [][]int{{1, 20, 300}, {4000, 5, 60}}
	for _, row := range grid {
		fmt.Printf("%5d\n", row)
	}
	fmt.Printf("[%-6v]\n", []int{1})
	fmt.Printf("[%3d]\n", []int{1, 2})
	fmt.Printf("[%5s]\n", []string{"a", "b"})
	fmt.Printf("[%6.2f]\n", []float64{1, 2.5})
	fmt.Printf("[%4v]\n", map[string]int{"a": 1, "b": 22})
	fmt.Printf("[%4v]\n", struct{ A, B int }{1, 2})
	fmt.Printf("%s\n", T{1, "x"})
	fmt.Printf("%x\n", T{10, "x"})
	fmt.Printf("%+5v|%-4d|\n", T{3, "yy"}, [2]int{7, 8})
	fmt.Printf("%.1f %v %5.1f\n", P{1.25, 2}, []P{{1, 2}}, [][]float64{{1, 2}, {3}})
	fmt.Printf("%03d %x %X %q\n", []int{5, 42}, []string{"hi", "yo"}, [2]int{255, 16}, []string{"a"})
	fmt.Printf("%5v|%-5v|\n", []byte("ab"), []string(nil))
	fmt.Printf("%6.2f|%e\n", map[string]float64{"pi": 3.14159}, []float64{1234.5})
	fmt.Printf("%5t|%3c|%-3s|\n", []bool{true}, []rune{'a', 'b'}, []any{1, "x"})
}

// Output:
// [    1    20   300]
// [ 4000     5    60]
// [[1     ]]
// [[  1   2]]
// [[    a     b]]
// [[  1.00   2.50]]
// [map[   a:   1    b:  22]]
// [{   1    2}]
// {%!s(int=1) x}
// {a 78}
// {A:    3 B:   yy}|[7    8   ]|
// {1.2 2.0} [{1 2}] [[  1.0   2.0] [  3.0]]
// [005 042] [6869 796f] [FF 10] ["a"]
// [   97    98]|[]|
// map[%!f(string=    pi):  3.14]|[1.234500e+03]
// [ true]|[  a   b]|[%!s(int=1  ) x  ]|
