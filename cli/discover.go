package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hypergen-dev/hypergen/generator"
)

const discoverUsage = `Usage: hypergen discover [--json]

Looks for template roots where hygen looks ($HYGEN_TMPLS, ./_templates) and
reports every one that exists with its generators; the first is the one that
generation uses.`

type discoveredRoot struct {
	Path       string                    `json:"path"`
	Source     string                    `json:"source"`
	Active     bool                      `json:"active"`
	Generators []generator.GeneratorInfo `json:"generators"`
}

func runDiscover(env *Env, args []string) int {
	fs := newFlagSet(env, "discover", discoverUsage)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if code := parseFlags(env, fs, args); code >= 0 {
		return code
	}
	candidates := []struct{ path, source string }{
		{env.Getenv("HYGEN_TMPLS"), "HYGEN_TMPLS"},
		{filepath.Join(env.Cwd, "_templates"), "./_templates"},
	}
	var roots []discoveredRoot
	for _, c := range candidates {
		if c.path == "" {
			continue
		}
		p := c.path
		if !filepath.IsAbs(p) {
			p = filepath.Join(env.Cwd, p)
		}
		if st, err := os.Stat(p); err != nil || !st.IsDir() {
			continue
		}
		gens, err := generator.ListGenerators(p)
		if err != nil {
			fmt.Fprintf(env.Stderr, "hypergen discover: %v\n", err)
			return ExitFail
		}
		roots = append(roots, discoveredRoot{Path: p, Source: c.source, Active: len(roots) == 0, Generators: nonNil(gens)})
	}
	if *asJSON {
		return writeJSON(env, map[string]any{"roots": nonNil(roots)})
	}
	if len(roots) == 0 {
		fmt.Fprintln(env.Stdout, "No template roots found (looked at $HYGEN_TMPLS and ./_templates).")
		return ExitOK
	}
	for _, r := range roots {
		mark := ""
		if r.Active {
			mark = " (used for generation)"
		}
		fmt.Fprintf(env.Stdout, "%s [%s]%s\n", r.Path, r.Source, mark)
		printGenerators(env.Stdout, r.Generators)
	}
	return ExitOK
}
