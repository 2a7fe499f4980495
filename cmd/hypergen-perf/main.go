// Command hypergen-perf holds hypergen's heavy commands: `hypergen perf …`
// (benchmarks, reports, the agent) and the generations that export
// telemetry or go through an agent. hypergen runs it for those, so the
// everyday binary links only the engine; install both side by side.
package main

import (
	"os"

	"github.com/hypergen-dev/hypergen/internal/cli"
	"github.com/hypergen-dev/hypergen/internal/perfcli"
)

func main() {
	os.Exit(perfcli.Main(cli.ProcessEnv()))
}
