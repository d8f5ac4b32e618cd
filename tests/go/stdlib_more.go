package main

// More of strings, strconv, math and sort: SplitN, Cut, ParseInt with its
// errors, ParseFloat, ParseBool, Round, Inf, SearchInts, Float64s.

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

func main() {
	fmt.Printf("%q %q %q\n", strings.SplitN("a,b,c,d", ",", 2), strings.SplitN("a,b", ",", -1), strings.SplitN("a", ",", 0))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Cut("nokey", "="))
	fmt.Println(strings.LastIndex("go gopher", "go"), strings.LastIndex("x", "y"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.ContainsRune("abc", 'b'), strings.ContainsAny("abc", "xyc"))
	fmt.Printf("%q %q %d\n", strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"), strings.Compare("a", "b"))
	n, err := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(n, err)
	n, err = strconv.ParseInt("12a", 10, 64)
	fmt.Println(n, err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	f, err = strconv.ParseFloat("x1", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("T")
	fmt.Println(b, err, strconv.FormatBool(false))
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.Trunc(-2.7), math.Mod(7, 3), math.Inf(1), math.Inf(-1))
	fmt.Println(math.IsInf(math.Inf(1), 0), math.IsNaN(math.NaN()), math.MaxInt8, math.MaxUint32, math.MaxFloat64 > 1e308)
	fmt.Printf("%.4f %.4f\n", math.Log(10), math.Exp(1))
	xs := []int{1, 3, 5, 7}
	fmt.Println(sort.SearchInts(xs, 5), sort.SearchInts(xs, 4), sort.SearchInts(xs, 9))
	fs := []float64{2.5, -1, 0}
	sort.Float64s(fs)
	fmt.Println(fs)
}

// Output:
// ["a" "b,c,d"] ["a" "b"] []
// key value=x true
// nokey  false
// 3 -1
// true true true
// "hixx" "xxhi" -1
// -255 <nil>
// 0 strconv.ParseInt: parsing "12a": invalid syntax
// 3.25 <nil>
// 0 strconv.ParseFloat: parsing "x1": invalid syntax
// true <nil> false
// strconv.ParseBool: parsing "yes": invalid syntax
// 3 -3 -2 1 +Inf -Inf
// true true 127 4294967295 true
// 2.3026 2.7183
// 2 2 4
// [-1 0 2.5]
