package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/builtin"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// runGeneratorHelp prints a generator's actions and, from its template.yml,
// its description and variables.
func runGeneratorHelp(env *Env, name string) int {
	root, err := templatesRoot(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen help: %v\n", err)
		return ExitFail
	}
	if root == "" {
		root = env.Cwd // no templates: the lookup below fails with a clear message
	}
	return printGeneratorHelp(env, root, name)
}

// runBuiltinHelp is runGeneratorHelp for a built-in generator, in a folder
// where the built-ins are the generators that run.
func runBuiltinHelp(env *Env, name string) int {
	dir, remove, err := builtin.Materialize()
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen help: %v\n", err)
		return ExitFail
	}
	defer remove()
	code := printGeneratorHelp(env, dir, name)
	if code == ExitOK {
		fmt.Fprintln(env.Stdout, "\nA built-in generator: it runs here because this folder has no templates root, as hygen's own generators do.")
	}
	return code
}

func printGeneratorHelp(env *Env, root, name string) int {
	dir := filepath.Join(root, name)
	spec, err := generator.LoadSpec(dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen help: %v\n", err)
		return ExitFail
	}
	gens, err := generator.ListGenerators(filepath.Dir(dir))
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen help: %v\n", err)
		return ExitFail
	}
	out := env.Stdout
	fmt.Fprint(out, name)
	if spec != nil && spec.Description != "" {
		fmt.Fprintf(out, " - %s", spec.Description)
	}
	fmt.Fprintln(out)
	if spec != nil && spec.Category != "" {
		fmt.Fprintf(out, "Category: %s\n", spec.Category)
	}
	if spec != nil && len(spec.Tags) > 0 {
		fmt.Fprintf(out, "Tags: %s\n", strings.Join(spec.Tags, ", "))
	}
	fmt.Fprintf(out, "\nUsage: hypergen %s ACTION [NAME] [--variable value ...]\n\nActions:\n", name)
	for _, g := range gens {
		if g.Name != name {
			continue
		}
		for _, a := range g.Actions {
			fmt.Fprintf(out, "  %s (template files: %d)\n", a.Name, a.Templates)
		}
	}
	switch {
	case spec == nil:
		fmt.Fprintln(out, "\nNo template.yml: every --flag is a template local.")
		return ExitOK
	case len(spec.Variables) == 0:
		fmt.Fprintln(out, "\nIts template.yml declares no variables: every --flag is a template local.")
		return ExitOK
	}
	file := spec.File
	if rel, err := filepath.Rel(env.Cwd, file); err == nil && filepath.IsLocal(rel) {
		file = rel
	}
	fmt.Fprintf(out, "\nVariables (%s):\n", file)
	var table strings.Builder
	w := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	for _, v := range spec.Variables {
		fmt.Fprintf(w, "  --%s %s\t%s\t%s\n", v.Name, valueHint(v.Type, v.Values), rules(v), v.Description)
	}
	w.Flush()
	for _, line := range strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n") {
		fmt.Fprintln(out, strings.TrimRight(line, " "))
	}
	return ExitOK
}

func valueHint(typ string, values []string) string {
	if typ == "enum" {
		return strings.Join(values, "|")
	}
	return strings.ToUpper(typ)
}

// rules summarises a variable's constraints in one cell.
func rules(v generator.SpecVariable) string {
	var r []string
	if v.Required {
		r = append(r, "required")
	}
	if v.HasDefault {
		r = append(r, "default "+jsvalue.ToString(v.Default))
	}
	if v.Pattern != "" {
		r = append(r, "matches /"+v.Pattern+"/")
	}
	if v.Min != nil {
		r = append(r, "min "+jsvalue.FormatNumber(*v.Min))
	}
	if v.Max != nil {
		r = append(r, "max "+jsvalue.FormatNumber(*v.Max))
	}
	return strings.Join(r, ", ")
}
