package main

func main() {
	var ch chan int
	<-ch
}

// Output:
// Error: fatal error: all goroutines are asleep - deadlock!
