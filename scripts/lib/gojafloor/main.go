// Command gojafloor is scripts/cold-start's measure of what the JavaScript
// engine alone costs a process: it links goja, as hypergen does, makes one
// runtime and runs one line of JavaScript. Every goja dependency's package
// initialisation runs before main, used or not, so no hypergen command in
// an executable that can render EJS can start faster or with fewer page
// faults than this one.
package main

import (
	"os"

	"github.com/dop251/goja"
)

func main() {
	v, err := goja.New().RunString(`"hello " + (6 * 7)`)
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	os.Stdout.WriteString(v.String() + "\n")
}
