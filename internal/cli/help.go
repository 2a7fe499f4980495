package cli

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

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
		return rootFailed(err)
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
		fmt.Fprintf(out, " - %s", oneLine(spec.Description))
	}
	fmt.Fprintln(out)
	if spec != nil && spec.Category != "" {
		fmt.Fprintf(out, "Category: %s\n", oneLine(spec.Category))
	}
	if spec != nil && len(spec.Tags) > 0 {
		fmt.Fprintf(out, "Tags: %s\n", oneLine(strings.Join(spec.Tags, ", ")))
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
		fmt.Fprintf(w, "  --%s %s\t%s\t%s\n", v.Name, oneLine(valueHint(v.Type, v.Values)), oneLine(rules(v)), oneLine(v.Description))
	}
	w.Flush()
	for _, line := range strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n") {
		fmt.Fprintln(out, strings.TrimRight(line, " "))
	}
	return ExitOK
}

func valueHint(typ string, values []string) string {
	if typ == "enum" {
		shown := make([]string, len(values))
		for i, v := range values {
			shown[i] = literal(v, false)
		}
		return strings.Join(shown, "|")
	}
	return strings.ToUpper(typ)
}

// literal shows a template.yml value so that it reads back as what it is:
// lists and objects in brackets, text quoted where it would blur (empty,
// with spaces, commas or "|", or inside a list).
func literal(v any, inList bool) string {
	switch x := v.(type) {
	case string:
		if inList || x == "" || strings.ContainsAny(x, " ,|\"") || strings.ContainsFunc(x, unicode.IsControl) {
			return strconv.Quote(x)
		}
		return x
	case []any:
		items := make([]string, len(x))
		for i, e := range x {
			items[i] = literal(e, true)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case *jsvalue.Object:
		var items []string
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			items = append(items, literal(k, false)+": "+literal(e, true))
		}
		return "{" + strings.Join(items, ", ") + "}"
	}
	return jsvalue.ToString(v)
}

// oneLine is a description for one row of the table: line breaks and tabs
// become spaces, and other control characters show as escapes, so that a
// generator's template.yml cannot recolour the terminal or set its title.
func oneLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// rules summarises a variable's constraints in one cell.
func rules(v generator.SpecVariable) string {
	var r []string
	if v.Required {
		r = append(r, "required")
	}
	if v.HasDefault {
		r = append(r, "default "+literal(v.Default, false))
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
