// Counting and finding runes: unicode/utf8's RuneCountInString and
// RuneLen, strings.IndexRune and IndexByte, and sort's AreSorted checks.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s), utf8.ValidString(s))
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('世'), utf8.RuneLen(-1))
	fmt.Println(strings.IndexRune(s, '世'), strings.IndexRune(s, 'z'), strings.IndexByte(s, 'l'))
	xs := []int{1, 2, 2, 5}
	fmt.Println(sort.IntsAreSorted(xs), sort.IntsAreSorted([]int{3, 1}), sort.IntsAreSorted(nil))
	fmt.Println(sort.StringsAreSorted([]string{"a", "b"}), sort.StringsAreSorted([]string{"b", "a"}))
	for i, r := range "aé世" {
		fmt.Print(i, ":", utf8.RuneLen(r), " ")
	}
	fmt.Println()
}

// Output:
// 14 9 true
// 1 2 3 -1
// 8 -1 3
// true false true
// true false
// 0:1 1:2 3:3
