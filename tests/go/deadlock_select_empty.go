package main

func main() {
	select {}
}

// Output:
// Error: fatal error: all goroutines are asleep - deadlock!
