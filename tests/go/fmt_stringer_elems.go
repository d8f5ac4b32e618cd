// What a value holds prints through its String or Error method, as the
// value itself does: slice and array elements, map keys and values, and
// exported fields (fmt cannot reach an unexported one).
package main

import (
	"errors"
	"fmt"
	"os"
)

type Celsius int

func (c Celsius) String() string { return fmt.Sprintf("%d°C", int(c)) }

type Job struct{ id int }

type Reading struct {
	At    Celsius
	at    Celsius
	Trend []Celsius
}

func (j *Job) String() string { return fmt.Sprintf("job-%d", j.id) }

func main() {
	temps := []Celsius{20, 25}
	fmt.Println(temps)
	fmt.Printf("%v and %s\n", temps, temps)
	fmt.Println([]*Job{{1}, {2}})
	fmt.Println([]error{errors.New("a"), nil, errors.New("b")})
	fmt.Println([]any{Celsius(3), 4, "five"})
	fmt.Printf("%d\n", temps)
	fmt.Fprintf(os.Stdout, "%v %d\n", Celsius(8), Celsius(9))
	fmt.Fprintln(os.Stdout, temps)
	r := Reading{1, 2, []Celsius{3}}
	fmt.Println(r, &r, map[Celsius]Celsius{4: 5}, [2]Celsius{6, 7})
	fmt.Printf("%v %+v\n", []Reading{r}, r)
}

// Output:
// [20°C 25°C]
// [20°C 25°C] and [20°C 25°C]
// [job-1 job-2]
// [a <nil> b]
// [3°C 4 five]
// [20 25]
// 8°C 9
// [20°C 25°C]
// {1°C 2 [3°C]} &{1°C 2 [3°C]} map[4°C:5°C] [6°C 7°C]
// [{1°C 2 [3°C]}] {At:1°C at:2 Trend:[3°C]}
