package main

func main() {
	var ch chan int
	close(ch)
}

// Output:
// Error: panic: close of nil channel
