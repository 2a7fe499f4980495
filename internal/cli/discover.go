package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hypergen-dev/hypergen/generator"
)

const discoverUsage = `Usage: hypergen discover [--json]

Looks for template roots where hygen looks (the templates of .hygen.js,
$HYGEN_TMPLS, ./_templates) and where Hypergen projects keep generators
(./generators, ./.hypergen/generators, and packages/*/generators and
apps/*/generators in a workspace), and reports every one that exists with its
generators. Generation uses the first of hygen's three (marked "used for
generation"); the others it reaches only through HYGEN_TMPLS or the
templates of .hygen.js.`

type discoveredRoot struct {
	Path       string                    `json:"path"`
	Source     string                    `json:"source"`
	Active     bool                      `json:"active"`
	Generators []generator.GeneratorInfo `json:"generators"`
}

func runDiscover(env *Env, args []string) int {
	fs := NewFlagSet(env, "discover", discoverUsage)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if code := ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	candidates, active, err := rootCandidates(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen discover: %v\n", err)
		return rootFailed(err)
	}
	var roots []discoveredRoot
	seen := map[string]bool{}
	for _, c := range candidates {
		p := c.path
		if st, err := os.Stat(p); p == "" || err != nil || !st.IsDir() || seen[p] {
			continue
		}
		seen[p] = true
		gens, err := generator.ListGenerators(p)
		if err != nil {
			fmt.Fprintf(env.Stderr, "hypergen discover: %v\n", err)
			return ExitFail
		}
		roots = append(roots, discoveredRoot{Path: p, Source: c.source, Active: p == active, Generators: nonNil(gens)})
	}
	if *asJSON {
		return WriteJSON(env, map[string]any{"roots": nonNil(roots)})
	}
	if len(roots) == 0 {
		fmt.Fprintln(env.Stdout, "No template roots found (see 'hypergen discover --help' for where it looks).")
		if builtinsApply(env) {
			if err := printBuiltins(env, "Instead,"); err != nil {
				fmt.Fprintf(env.Stderr, "hypergen discover: %v\n", err)
				return ExitFail
			}
		}
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

type rootCandidate struct{ path, source string }

// rootCandidates lists where templates may be, the root generation uses
// (active, absolute; "" when none) first.
func rootCandidates(env *Env) (cands []rootCandidate, active string, err error) {
	abs := func(p string) string {
		if p != "" && !filepath.IsAbs(p) {
			return filepath.Join(env.Cwd, p)
		}
		return p
	}
	active, err = templatesRoot(env)
	if err != nil {
		return nil, "", err
	}
	cands = []rootCandidate{
		{abs(env.Getenv("HYGEN_TMPLS")), "HYGEN_TMPLS"},
		{filepath.Join(env.Cwd, "_templates"), "./_templates"},
		{filepath.Join(env.Cwd, "generators"), "./generators"},
		{filepath.Join(env.Cwd, ".hypergen", "generators"), "./.hypergen/generators"},
	}
	for _, ws := range []string{"packages", "apps"} {
		matches, err := filepath.Glob(filepath.Join(env.Cwd, ws, "*", "generators"))
		if err != nil {
			return nil, "", err
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(env.Cwd, m)
			cands = append(cands, rootCandidate{m, "workspace ./" + filepath.ToSlash(rel)})
		}
	}
	for i, c := range cands {
		if c.path == active {
			return append(append([]rootCandidate{c}, cands[:i]...), cands[i+1:]...), active, nil
		}
	}
	if active != "" {
		cands = append([]rootCandidate{{active, ".hygen.js templates"}}, cands...)
	}
	return cands, active, nil
}
