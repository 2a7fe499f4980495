// Command hypergen runs hygen-format code generators and measures them.
// Its heavy commands (perf, the agent, telemetry export) live in the
// hypergen-perf executable (cmd/hypergen-perf), which it runs for them.
package main

import (
	"os"

	"github.com/hypergen-dev/hypergen/internal/cli"
)

func main() {
	env := cli.ProcessEnv()
	env.HandOff = cli.HandOff
	os.Exit(cli.Main(env))
}
