package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Outcome is what one tool did to a tree.
type Outcome struct {
	Exit   int
	Files  map[string]string // every file below work/, by slash path
	Output string
}

// runTool runs one tool on a fresh copy of the tree, in the environment the
// differential suite uses: through the oracle when o is not nil (falling back
// to the command line when the oracle cannot stand in for it), else as a
// command.
func runTool(bin, scratch string, t *Tree, timeout time.Duration, o *oracle) (*Outcome, error) {
	work := filepath.Join(scratch, "work")
	project := filepath.Join(work, "project")
	home := filepath.Join(scratch, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return nil, err
	}
	if err := t.Write(project); err != nil {
		return nil, err
	}
	env := map[string]string{"PATH": os.Getenv("PATH"), "HOME": home, "HYGEN_TS": "1700000000000", "NO_COLOR": "1", "FORCE_COLOR": "0"}
	if o != nil {
		r, err := o.run(project, t.Args, env)
		if err == nil && r.Fallback == "" {
			return readOutcome(work, &Outcome{Exit: r.Exit, Output: r.Output})
		}
		// Start again from a fresh copy on the command line.
		o.fallbacks++
		if err := os.RemoveAll(work); err != nil {
			return nil, err
		}
		if err := t.Write(project); err != nil {
			return nil, err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, t.Args...)
	cmd.Dir = project
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdin = strings.NewReader("")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	o2 := &Outcome{Output: out.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		o2.Exit = ee.ExitCode()
	case err != nil:
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s timed out", bin)
	}
	return readOutcome(work, o2)
}

// readOutcome adds every file below work to o.
func readOutcome(work string, o *Outcome) (*Outcome, error) {
	o.Files = map[string]string{}
	err := filepath.WalkDir(work, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(work, p)
		b, err := os.ReadFile(p)
		o.Files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	return o, err
}

// diff describes how two outcomes differ; "" when they agree.
func diff(a, b *Outcome) string {
	var out []string
	if a.Exit != b.Exit {
		out = append(out, fmt.Sprintf("exit: hygen %d, hypergen %d", a.Exit, b.Exit))
	}
	keys := map[string]bool{}
	for k := range a.Files {
		keys[k] = true
	}
	for k := range b.Files {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		av, aok := a.Files[k]
		bv, bok := b.Files[k]
		switch {
		case !aok:
			out = append(out, fmt.Sprintf("%s: only hypergen wrote it: %q", k, bv))
		case !bok:
			out = append(out, fmt.Sprintf("%s: only hygen wrote it: %q", k, av))
		case av != bv:
			out = append(out, fmt.Sprintf("%s:\n  hygen    %q\n  hypergen %q", k, av, bv))
		}
	}
	return strings.Join(out, "\n")
}

// compare runs both tools on t and returns their difference; hygen runs
// through o when it is not nil.
func (f *fuzzer) compare(t *Tree, o *oracle) (string, *Outcome, *Outcome, error) {
	scratch, err := os.MkdirTemp(f.tmp, "case-")
	if err != nil {
		return "", nil, nil, err
	}
	defer os.RemoveAll(scratch)
	a, err := runTool(f.hygen, filepath.Join(scratch, "hygen"), t, f.timeout, o)
	if err != nil {
		return "", nil, nil, err
	}
	b, err := runTool(f.hypergen, filepath.Join(scratch, "hypergen"), t, f.timeout, nil)
	if err != nil {
		return "", nil, nil, err
	}
	return diff(a, b), a, b, nil
}

// writeRepro saves a mismatch as a differential-suite case folder
// (case.json and project/), plus what each tool printed.
func writeRepro(dir string, seed uint64, t *Tree, d string, a, b *Outcome) error {
	if err := t.Write(filepath.Join(dir, "project")); err != nil {
		return err
	}
	c := map[string]any{
		"about":  fmt.Sprintf("difffuzz seed %d (shrunk): %s", seed, strings.SplitN(d, "\n", 2)[0]),
		"args":   t.Args,
		"covers": []string{},
	}
	if a.Exit != 0 {
		c["exit"] = a.Exit
	}
	js, _ := json.MarshalIndent(c, "", "  ")
	files := map[string]string{
		"case.json":        string(js) + "\n",
		"difference.txt":   d + "\n",
		"hygen.out.txt":    a.Output,
		"hypergen.out.txt": b.Output,
	}
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			return err
		}
	}
	return nil
}
