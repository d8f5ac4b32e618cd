package main

func main() {
	var m map[string]int
	m["a"] = 1
}

// Output:
// Error: panic: assignment to entry in nil map
