package main

import "fmt"

type T struct{ a [2]int }

// Targets that no other target of the statement changes are taken where
// they are assigned: a deref, an array field through a pointer, an array.
func main() {
	x, y := 1, 2
	p := &x
	*p, y = 10, 20
	fmt.Println(x, y, *p)
	t := &T{}
	i := 0
	t.a[i], i = 5, 1
	(*t).a[1], y = 6, 7
	fmt.Println(*t, i, y)
	arr := [3]int{}
	arr[i], i = 9, 2
	fmt.Println(arr, i)
}

// Output:
// 10 20 10
// {[5 6]} 1 7
// [0 9 0] 2
