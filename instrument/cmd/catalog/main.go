// Command catalog writes docs/metrics.md from instrument.Catalog:
//
//	go run ./instrument/cmd/catalog > docs/metrics.md
package main

import (
	"os"

	"github.com/hypergen-dev/hypergen/instrument"
)

func main() {
	os.Stdout.WriteString(instrument.CatalogMarkdown())
}
