package main

import "fmt"

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return "string " + x
	case []int:
		return fmt.Sprint("slice ", len(x))
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	fmt.Println(describe(1))
	fmt.Println(describe("a"))
	fmt.Println(describe([]int{1, 2}))
	fmt.Println(describe(nil))
	fmt.Println(describe(fmt.Errorf("boom")))
	fmt.Println(describe(2.5))
}

// Output:
// int 1
// string a
// slice 2
// nil
// error boom
// other float64
