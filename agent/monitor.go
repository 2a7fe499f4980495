package agent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
)

// templatesRoot is the root the project's generations use.
func (a *Agent) templatesRoot() string {
	root := generator.TemplatesRoot(a.cfg.Generate.Root, a.cfg.Templates, a.cfg.Getenv)
	if root != "" && !filepath.IsAbs(root) {
		root = filepath.Join(a.cfg.Generate.Root, root)
	}
	return root
}

// fingerprint summarises what the index depends on from metadata: a file
// added, removed or renamed changes its folder's modification time, and the
// index counts templates without reading them, so only folders and
// .hygenignore files (whose text decides what counts) are stat'ed. Stat'ing
// every template instead cost a 10,000-template agent 40 % of its CPU at a
// one-second interval, which its generations then waited for.
func fingerprint(root string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != generator.IgnoreFile {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// reindex rebuilds the agent's index when the templates changed.
func (a *Agent) reindex(ctx context.Context) {
	root := a.templatesRoot()
	st := IndexStatus{Templates: root, IndexedAt: time.Now()}
	if root == "" {
		st.Error = "no templates found (HYGEN_TMPLS, ./_templates or --templates)"
		a.setIndex(st, "")
		return
	}
	fp, err := fingerprint(root)
	if err != nil {
		st.Error = err.Error()
		a.setIndex(st, "")
		return
	}
	a.mu.Lock()
	same := fp == a.fingerprint
	a.mu.Unlock()
	if same {
		return
	}
	gens, err := generator.ListGenerators(root)
	if err != nil {
		st.Error = err.Error()
		a.setIndex(st, "")
		return
	}
	st.Generators = len(gens)
	for _, g := range gens {
		st.Actions += len(g.Actions)
		for _, act := range g.Actions {
			st.Files += act.Templates
		}
	}
	first := a.setIndex(st, fp)
	if !first {
		a.tel.Reindexed(ctx)
		a.cfg.Logger.Info("templates changed; reindexed", "generators", st.Generators, "templates", st.Files)
	}
}

// setIndex stores the index and reports whether it was the first one.
func (a *Agent) setIndex(st IndexStatus, fp string) (first bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	first = a.fingerprint == "" && a.index.IndexedAt.IsZero()
	a.index, a.fingerprint = st, fp
	if st.Error != "" {
		a.cfg.Logger.Warn("indexing templates failed", "err", st.Error)
	}
	return first
}
