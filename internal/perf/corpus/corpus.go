package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Spec describes a tree. Templates = Generators × Actions × Templates.
type Spec struct {
	Generators int    `json:"generators"` // generators in the tree (at least 1)
	Actions    int    `json:"actions"`    // actions per generator (1 to len(actionNames)); default 2
	Templates  int    `json:"templates"`  // templates per action (at least 1); default 5
	Seed       uint64 `json:"seed"`       // same seed, same bytes
}

// MaxActions is the most actions a generator can have: each gets a distinct
// verb-like name.
var MaxActions = len(actionNames)

// WithDefaults fills unset counts: 2 actions of 5 templates, so 1,000
// generators make the 10,000-template tree the targets are stated for.
func (s Spec) WithDefaults() Spec {
	if s.Actions == 0 {
		s.Actions = 2
	}
	if s.Templates == 0 {
		s.Templates = 5
	}
	return s
}

// MaxTemplates bounds a tree at 100 times the 10,000 templates the targets
// are stated for (about 1 GB of templates on disk), so that a mistyped
// count fails at once instead of filling the disk.
const MaxTemplates = 1_000_000

// Validate reports a spec that cannot be written, or should not be.
func (s Spec) Validate() error {
	switch {
	case s.Generators < 1:
		return fmt.Errorf("generators must be at least 1, got %d", s.Generators)
	case s.Actions < 1 || s.Actions > MaxActions:
		return fmt.Errorf("actions per generator must be 1 to %d, got %d", MaxActions, s.Actions)
	case s.Templates < 1:
		return fmt.Errorf("templates per action must be at least 1, got %d", s.Templates)
	case s.Generators > MaxTemplates || s.Templates > MaxTemplates || s.Total() > MaxTemplates:
		// The first two keep Total from overflowing.
		return fmt.Errorf("%d generators × %d actions × %d templates is more than %d templates", s.Generators, s.Actions, s.Templates, MaxTemplates)
	}
	return nil
}

// Total is the number of template files the spec describes.
func (s Spec) Total() int { return s.Generators * s.Actions * s.Templates }

// Tree is a written corpus.
type Tree struct {
	Spec      Spec
	Dir       string // the project: _templates/ plus the inject targets
	Templates int    // template files written (ignored notes not counted)
	Bytes     int64  // bytes of template files written
	Commands  [][]string
}

// Templates root of a tree.
func (t *Tree) Root() string { return filepath.Join(t.Dir, "_templates") }

// InjectTarget is the file every inject template edits, relative to Dir. A
// benchmark that generates into a fresh project must copy it there.
const InjectTarget = "src/registry.ts"

// RegistryContent is the pristine inject target.
const RegistryContent = "// generated exports\nimport './polyfills'\n\n// hypergen:exports\n\nexport default {}\n"

// Write creates the tree in dir, which must not exist or be empty, so a
// corpus is never mixed into someone's project. On error, or when ctx ends
// first, the partial tree is removed: a 1,000-generator tree is 10,000
// files, and a process told to stop must not first finish writing them.
// A dir that was there before (empty, or the current folder) stays, and so
// does anything put in it meanwhile but the tree's own two folders.
func Write(ctx context.Context, dir string, spec Spec) (_ *Tree, err error) {
	spec = spec.WithDefaults()
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return nil, fmt.Errorf("corpus directory %s is not empty", dir)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, err
	}
	made := err != nil
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	defer func() {
		switch {
		case err == nil:
		case made:
			os.RemoveAll(dir)
		default:
			os.RemoveAll(filepath.Join(dir, "_templates"))
			os.RemoveAll(filepath.Join(dir, strings.Split(InjectTarget, "/")[0]))
		}
	}()
	t := &Tree{Spec: spec, Dir: dir}
	if err := writeFile(filepath.Join(dir, InjectTarget), RegistryContent); err != nil {
		return nil, err
	}
	for g := range spec.Generators {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("writing the corpus: %w", context.Cause(ctx))
		}
		if err := t.writeGenerator(g); err != nil {
			return nil, err
		}
	}
	return t, settle(ctx, dir)
}

// Epoch is the modification time of every file and folder of a tree, so a
// tree is reproducible down to its metadata (as SOURCE_DATE_EPOCH does for
// builds) and looks like a settled project, not one being edited right now.
var Epoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// settle sets every modification time to Epoch, children before their
// folders (touching a child would not change the folder, but creating it did).
func settle(ctx context.Context, dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		paths = append(paths, p)
		return err
	})
	if err != nil {
		return err
	}
	for i := len(paths) - 1; i >= 0; i-- {
		if i%1000 == 0 && ctx.Err() != nil {
			return fmt.Errorf("settling the corpus: %w", context.Cause(ctx))
		}
		if err := os.Chtimes(paths[i], Epoch, Epoch); err != nil {
			return err
		}
	}
	return nil
}

// Plan returns the tree's Commands without writing anything.
func Plan(spec Spec) (*Tree, error) {
	spec = spec.WithDefaults()
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	t := &Tree{Spec: spec}
	for g := range spec.Generators {
		gen := newGenerator(spec, g)
		for _, a := range gen.actions {
			t.Commands = append(t.Commands, gen.command(a))
		}
	}
	return t, nil
}

// genSpec is one generator's random choices; all randomness for it comes
// from its own stream, so generator g is the same whatever N is.
type genSpec struct {
	name    string
	noun    string
	actions []string
	rng     *rand.Rand
}

func newGenerator(spec Spec, g int) *genSpec {
	rng := rand.New(rand.NewPCG(spec.Seed, uint64(g)))
	noun := pick(rng, nouns)
	gen := &genSpec{name: fmt.Sprintf("%s-%04d", noun, g), noun: noun, rng: rng}
	perm := rng.Perm(len(actionNames))
	for _, i := range perm[:spec.Actions] {
		gen.actions = append(gen.actions, actionNames[i])
	}
	return gen
}

// command is the hygen command line that runs one action of a generator.
func (g *genSpec) command(action string) []string {
	return []string{g.name, action, capitalize(g.noun) + "Item", "--props", "title,count"}
}

func (t *Tree) writeGenerator(g int) error {
	gen := newGenerator(t.Spec, g)
	for ai, action := range gen.actions {
		dir := filepath.Join(t.Root(), gen.name, action)
		for i := range t.Spec.Templates {
			name, content := gen.template(action, i)
			if err := writeFile(filepath.Join(dir, name), content); err != nil {
				return err
			}
			t.Templates++
			t.Bytes += int64(len(content))
		}
		// Some actions carry notes that a .hygenignore keeps out, as real
		// generators keep READMEs next to their templates.
		if (g+ai)%7 == 0 {
			if err := writeFile(filepath.Join(dir, ".hygenignore"), "*.md\n"); err != nil {
				return err
			}
			if err := writeFile(filepath.Join(dir, "NOTES.md"), "Notes for "+gen.name+"/"+action+"\n"); err != nil {
				return err
			}
		}
		t.Commands = append(t.Commands, gen.command(action))
	}
	return nil
}

func writeFile(p, content string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(content), 0o644)
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
