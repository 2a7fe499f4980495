// Command hypergen runs hygen-format code generators and measures them.
package main

import (
	"os"

	"github.com/hypergen-dev/hypergen/internal/cli"
)

func main() {
	cwd, err := os.Getwd()
	if err != nil {
		os.Stderr.WriteString("hypergen: cannot read the current directory: " + err.Error() + "\n")
		os.Exit(cli.ExitFail)
	}
	os.Exit(cli.Main(&cli.Env{
		Args:        os.Args[1:],
		Stdin:       os.Stdin,
		Stdout:      os.Stdout,
		Stderr:      os.Stderr,
		Getenv:      os.Getenv,
		Cwd:         cwd,
		Interactive: cli.StdinIsTerminal(os.Stdin),
	}))
}
