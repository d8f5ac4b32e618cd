package main

import "fmt"

func pair() (int, string) { return 7, "seven" }

func show(n int, s string) string { return fmt.Sprint(n, "=", s) }

func divmod(a, b int) (int, int) { return a / b, a % b }

func add(a, b int) int { return a + b }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

type P struct{ x int }

type T struct{ n int }

func (t T) String() string { return fmt.Sprintf("T#%d", t.n) }

func two() (T, T) { return T{1}, T{2} }

func format() (string, T, int) { return "%v and %d\n", T{3}, 4 }

func (p P) plus(a, b int) int { return p.x + a + b }

// f(g()) passes g's results as f's arguments.
func main() {
	fmt.Println(show(pair()))
	fmt.Println(add(divmod(17, 5)))
	fmt.Println(sum(divmod(17, 5)))
	fmt.Println(P{10}.plus(divmod(9, 4)))
	fmt.Println(divmod(9, 4))
	fmt.Println(fmt.Sprint(pair()))
	fmt.Println(two())
	fmt.Printf(format())
	f := divmod
	fmt.Println(add(f(23, 7)))
	defer fmt.Println("deferred", show(pair()))
	go report(divmod(22, 7))
	<-done
	p := P{1}
	defer p.shout(divmod(9, 2))
}

var done = make(chan bool)

func report(q, r int) {
	fmt.Println("q r", q, r)
	done <- true
}

func (p P) shout(a, b int) { fmt.Println("shout", p.x, a, b) }

// Output:
// 7=seven
// 5
// 5
// 13
// 2 1
// 7seven
// T#1 T#2
// T#3 and 4
// 5
// q r 3 1
// shout 1 4 1
// deferred 7=seven
