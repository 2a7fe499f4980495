package main

import (
	"slices"
	"strings"
)

// shrink removes parts of a failing tree — files, frontmatter lines, body
// fragments, arguments, the .hygen.js and the hook — one at a time, keeping each removal
// that still shows a difference, until no single removal does.
func (f *fuzzer) shrink(t *Tree) *Tree {
	fails := func(c *Tree) bool {
		d, _, _, err := f.compare(c, nil) // hygen's command line, not the oracle
		return err == nil && d != ""
	}
	for changed := true; changed; {
		changed = false
		for _, c := range candidates(t) {
			if fails(c) {
				t, changed = c, true
				break
			}
		}
	}
	return t
}

// candidates are the trees with one part of t removed.
func candidates(t *Tree) []*Tree {
	var out []*Tree
	clone := func() *Tree {
		c := &Tree{Args: slices.Clone(t.Args), Existing: slices.Clone(t.Existing), Config: t.Config,
			Hook: t.Hook, HookName: t.HookName, Needs: t.Needs}
		for _, f := range t.Files {
			c.Files = append(c.Files, File{Name: f.Name, Attrs: slices.Clone(f.Attrs), Body: slices.Clone(f.Body)})
		}
		return c
	}
	for i := range t.Files {
		if len(t.Files) > 1 {
			c := clone()
			c.Files = slices.Delete(c.Files, i, i+1)
			out = append(out, c)
		}
		for j := range t.Files[i].Attrs {
			c := clone()
			c.Files[i].Attrs = slices.Delete(c.Files[i].Attrs, j, j+1)
			out = append(out, c)
		}
		for j := range t.Files[i].Body {
			c := clone()
			c.Files[i].Body = slices.Delete(c.Files[i].Body, j, j+1)
			out = append(out, c)
		}
	}
	for i := 2; i < len(t.Args); i++ {
		if slices.Contains(t.Needs, strings.TrimPrefix(t.Args[i], "--")) {
			continue // a hook question needs it
		}
		c := clone()
		n := 1
		if i+1 < len(t.Args) && len(t.Args[i]) > 2 && t.Args[i][:2] == "--" && (len(t.Args[i+1]) < 2 || t.Args[i+1][:2] != "--") {
			n = 2 // a flag and its value
		}
		c.Args = slices.Delete(c.Args, i, i+n)
		out = append(out, c)
	}
	if t.Config != "" {
		c := clone()
		c.Config = ""
		out = append(out, c)
	}
	if t.Hook != "" {
		c := clone()
		c.Hook = ""
		out = append(out, c)
	}
	// Existing files stay: without them an inject target would be missing,
	// one of hypergen's deliberate differences, not a mismatch.
	return out
}
