package main

import (
	"fmt"
	"strings"
)

// strings.ToUpper and ToLower map each rune by Unicode's simple case
// mapping: ß has no single-rune upper case, so it stays.
func main() {
	fmt.Println(strings.ToUpper("hello, World 42"), strings.ToLower("HELLO, World 42"))
	fmt.Println(strings.ToUpper("straße ǆ ÿ ſ ı µ"), strings.ToLower("ΣΑΣ Ǆ İ K Ω"))
	fmt.Println(strings.ToUpper("ǉubljana"), strings.ToLower("ДОБРЫЙ ВЕЧЕР"), strings.ToUpper("ⓐⓑ ａｂ 𐐨"))
}

// Output:
// HELLO, WORLD 42 hello, world 42
// STRAßE Ǆ Ÿ S I Μ σασ ǆ i k ω
// ǇUBLJANA добрый вечер ⒶⒷ ＡＢ 𐐀
