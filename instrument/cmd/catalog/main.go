// Command catalog writes docs/metrics.md from catalog.Metrics:
//
//	go run ./instrument/cmd/catalog > docs/metrics.md
package main

import (
	"os"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

func main() {
	os.Stdout.WriteString(catalog.Markdown())
}
