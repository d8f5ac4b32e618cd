package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(time.Hour)
		fmt.Println("never printed")
	}()
	fmt.Println("main returns")
}

// Output:
// main returns
