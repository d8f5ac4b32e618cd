package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("x1")
	fmt.Println(err)
	fmt.Println(strconv.Itoa(-45)+"!", strconv.Quote("a\"b"), strconv.FormatInt(255, 2))
}

// Output:
// 124 <nil>
// strconv.Atoi: parsing "x1": invalid syntax
// -45! "a\"b" 11111111
