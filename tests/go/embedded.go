package main

import "fmt"

type Animal struct{ Name string }

func (a Animal) Hello() string { return "I am " + a.Name }

type Dog struct {
	Animal
	Breed string
}

func main() {
	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Name, d.Hello(), d.Breed)
	d.Name = "Max"
	fmt.Println(d.Animal.Name)
}

// Output:
// Rex I am Rex lab
// Max
