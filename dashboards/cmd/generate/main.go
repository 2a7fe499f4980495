// Command generate writes hypergen's Grafana dashboards (dashboards/json) and
// Prometheus alert rules (dashboards/rules) from package dashboards. Run it
// from the dashboards folder (go generate ./dashboards does).
package main

import (
	"fmt"
	"os"

	"github.com/hypergen-dev/hypergen/dashboards"
)

func main() {
	if err := dashboards.Write("."); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}
