package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i * i
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Println(v)
	}
	fmt.Println("done")
}

// Output:
// 0
// 1
// 4
// done
