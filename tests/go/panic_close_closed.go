package main

func main() {
	ch := make(chan int)
	close(ch)
	close(ch)
}

// Output:
// Error: panic: close of closed channel
