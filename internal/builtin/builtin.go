package builtin

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"slices"
)

//go:embed templates
var files embed.FS

// templates is the embedded tree as a templates root.
var templates, _ = fs.Sub(files, "templates")

// Has reports whether generator is one of the built-in generators.
func Has(generator string) bool {
	return slices.Contains(Generators(), generator)
}

// Generators lists the built-in generators' names.
func Generators() []string {
	entries, _ := fs.ReadDir(templates, ".")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Actions lists a built-in generator's actions.
func Actions(generator string) []string {
	entries, _ := fs.ReadDir(templates, generator)
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Materialize writes the built-in templates into a new temporary folder, for
// the engine to read as a templates root, and returns the folder and a
// function that removes it.
func Materialize() (dir string, remove func(), err error) {
	dir, err = os.MkdirTemp("", "hypergen-builtin-")
	if err != nil {
		return "", nil, fmt.Errorf("built-in generators: %w", err)
	}
	remove = func() { _ = os.RemoveAll(dir) }
	if err := os.CopyFS(dir, templates); err != nil {
		remove()
		return "", nil, fmt.Errorf("built-in generators: %w", err)
	}
	return dir, remove, nil
}
