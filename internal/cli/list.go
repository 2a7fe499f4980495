package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/hypergen-dev/hypergen/generator"
)

const listUsage = `Usage: hypergen list [--json] [--templates DIR]

Lists the generators in the templates root (the templates of .hygen.js, else
$HYGEN_TMPLS, else ./_templates),
with each action and the number of template files it renders.`

func runList(env *Env, args []string) int {
	fs := NewFlagSet(env, "list", listUsage)
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	dir := fs.String("templates", "", "templates root to list (default: the templates of .hygen.js, else $HYGEN_TMPLS, else ./_templates)")
	if code := ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	if err := CheckTemplatesFlag(env, *dir); err != nil {
		fmt.Fprintf(env.Stderr, "hypergen list: %v\n", err)
		return ExitUsage
	}
	// HYGEN_TMPLS naming nothing is an error below: the user named a root.
	if *dir == "" && env.Getenv("HYGEN_TMPLS") == "" && builtinsApply(env) {
		return listBuiltins(env, *asJSON)
	}
	root, err := templatesRoot(env)
	if *dir != "" {
		found := resolveRoot(env, *dir)
		root, err = found.path, found.err
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen list: %v\n", err)
		return rootFailed(err)
	}
	if root == "" {
		fmt.Fprintf(env.Stderr, "hypergen list: %s (or pass --templates)\n", generator.NoTemplates(env.Cwd, env.Getenv))
		return ExitFail
	}
	// The persistent index generation uses: an action whose listing is
	// fresh there is not walked and sorted again, and one that is not is
	// recorded for the next run.
	gens, err := generator.ListGeneratorsIndexed(root, openIndex(env, ""))
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen list: %v\n", err)
		return ExitFail
	}
	if *asJSON {
		return WriteJSON(env, map[string]any{"templates": root, "generators": nonNil(gens)})
	}
	fmt.Fprintf(env.Stdout, "Templates: %s\n", root)
	printGenerators(env.Stdout, gens)
	return ExitOK
}

// listBuiltins is list where there is no templates root: the built-in
// generators, which are what runs there, with the usual hint on stderr.
func listBuiltins(env *Env, asJSON bool) int {
	// A note, not an error: the listing succeeds.
	fmt.Fprintf(env.Stderr, "hypergen list: note: %s (or pass --templates) to list your own generators\n", generator.NoTemplates(env.Cwd, env.Getenv))
	if asJSON {
		gens, err := builtinGenerators()
		if err != nil {
			fmt.Fprintf(env.Stderr, "hypergen list: %v\n", err)
			return ExitFail
		}
		return WriteJSON(env, map[string]any{"templates": "", "builtin": true, "generators": nonNil(gens)})
	}
	if err := printBuiltins(env, "No templates root here;"); err != nil {
		fmt.Fprintf(env.Stderr, "hypergen list: %v\n", err)
		return ExitFail
	}
	return ExitOK
}

func printGenerators(out io.Writer, gens []generator.GeneratorInfo) {
	if len(gens) == 0 {
		fmt.Fprintln(out, "  (no generators)")
		return
	}
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "GENERATOR\tACTION\tTEMPLATES")
	for _, g := range gens {
		if len(g.Actions) == 0 {
			fmt.Fprintf(w, "%s\t-\t0\n", g.Name)
		}
		for _, a := range g.Actions {
			fmt.Fprintf(w, "%s\t%s\t%d\n", g.Name, a.Name, a.Templates)
		}
	}
	w.Flush()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// WriteJSON prints v as indented JSON.
func WriteJSON(env *Env, v any) int {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: %v\n", err)
		return ExitFail
	}
	return ExitOK
}

// CheckTemplatesFlag refuses an explicit --templates that is not a folder:
// a flag the user typed must never be silently replaced by ./_templates.
func CheckTemplatesFlag(env *Env, dir string) error {
	if dir == "" {
		return nil
	}
	abs := dir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(env.Cwd, abs)
	}
	st, err := os.Stat(abs)
	switch {
	case err != nil:
		return fmt.Errorf("--templates %s: no such folder", dir)
	case !st.IsDir():
		return fmt.Errorf("--templates %s: not a folder", dir)
	}
	return nil
}
