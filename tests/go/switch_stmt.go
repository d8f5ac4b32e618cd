package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, d := range []string{"sat", "mon", "xyz"} {
		switch d {
		case "sat", "sun":
			fmt.Println(d, "weekend")
		case "mon":
			fmt.Println(d, "weekday")
			fallthrough
		case "tue":
			fmt.Println("  (fell through)")
		default:
			fmt.Println(d, "unknown")
		}
	}
	fmt.Println(grade(95), grade(85), grade(10))
}

// Output:
// sat weekend
// mon weekday
//   (fell through)
// xyz unknown
// A B C
