package main

import "fmt"

func main() {
	for i, r := range "héllo" {
		fmt.Println(i, string(r))
	}
}

// Output:
// 0 h
// 1 é
// 3 l
// 4 l
// 5 o
