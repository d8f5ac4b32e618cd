package main

import "fmt"

type T struct {
	A int
	B string
}

func main() {
	fmt.Printf("%d|%5d|%-5d|%05d\n", 42, 42, 42, 42)
	fmt.Printf("%s|%q|%v|%x|%X\n", "hi", "hi", "hi", 255, 255)
	fmt.Printf("%.2f|%8.3f|%v|%g\n", 3.14159, 2.5, 1.5, 0.25)
	fmt.Printf("%T %T %T %T %T\n", 1, "s", 2.0, []int{}, T{})
	fmt.Printf("%v|%+v\n", T{1, "x"}, &T{2, "y"})
	fmt.Printf("%t %c %%\n", true, 'G')
	fmt.Println(fmt.Sprint("a", 1, 2, "b"), fmt.Sprintf("%x", "hi"))
}

// Output:
// 42|   42|42   |00042
// hi|"hi"|hi|ff|FF
// 3.14|   2.500|1.5|0.25
// int string float64 []int main.T
// {1 x}|&{A:2 B:y}
// true G %
// a1 2b 6869
