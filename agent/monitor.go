package agent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
)

// templatesRoot is the root the project's generations use: --templates,
// else what the project's .hygen.js says (as last read, see readConfigRoot),
// else HYGEN_TMPLS or ./_templates.
func (a *Agent) templatesRoot() string {
	if p := a.configRoot.Load(); p != nil && *p != "" && a.cfg.Templates == "" {
		// Generations use it even when it is missing (and fail): so is the
		// agent not ready then, rather than watching ./_templates.
		if st, err := os.Stat(*p); err == nil && st.IsDir() {
			return *p
		}
		return ""
	}
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
// one-second interval, which its generations then waited for. It also
// returns the paths it stat'ed, for restat.
func fingerprint(root string) (string, []string, error) {
	h := sha256.New()
	var paths []string
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
		paths = append(paths, p)
		hashStat(h, p, info)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), paths, err
}

// restat is fingerprint over the paths an earlier walk stat'ed, without
// reading any folder: an entry added, removed or renamed anywhere in the
// tree changes the time of a folder on the list, so the same result means
// the same tree. Reading the 2,000 folders of a 1,000-generator tree cost
// an idle agent 83 ms of CPU per check (8 % of a core at a one-second
// interval, which generations running meanwhile waited for).
func restat(paths []string) (string, error) {
	h := sha256.New()
	for _, p := range paths {
		info, err := os.Lstat(p) // as WalkDir's Info: links are not followed
		if err != nil {
			return "", err
		}
		hashStat(h, p, info)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashStat(h io.Writer, p string, info fs.FileInfo) {
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00", p, info.Size(), info.ModTime().UnixNano())
}

// reindex rebuilds the agent's index when the templates changed.
// readConfigRoot reads the templates root from the project's .hygen.js, if
// it has one, as generations do: without running commands and for a second
// at most, since the agent does it at every check.
func (a *Agent) readConfigRoot() {
	if a.cfg.Templates != "" || generator.FindConfig(a.cfg.Generate.Root) == "" {
		a.configRoot.Store(nil)
		return
	}
	root, err := generator.ResolveTemplatesWithoutCommands(a.cfg.Generate.Root, a.cfg.Getenv)
	if err != nil {
		a.cfg.Logger.Warn("reading the templates folder from .hygen.js failed", "err", err)
		return // the last root read stays
	}
	a.configRoot.Store(&root)
}

func (a *Agent) reindex(ctx context.Context) {
	a.readConfigRoot()
	root := a.templatesRoot()
	st := IndexStatus{Templates: root, IndexedAt: time.Now()}
	if root == "" {
		st.Error = "no templates found (HYGEN_TMPLS, ./_templates or --templates)"
		a.setIndex(st, "")
		return
	}
	a.mu.Lock()
	watched, known := a.watched, a.fingerprint
	if a.watchedRoot != root {
		watched = nil
	}
	a.mu.Unlock()
	if watched != nil {
		if fp, err := restat(watched); err == nil && fp == known {
			return
		}
	}
	fp, paths, err := fingerprint(root)
	if err != nil {
		paths = nil // not the whole tree
	}
	a.mu.Lock()
	a.watched, a.watchedRoot = paths, root
	a.mu.Unlock()
	if err != nil {
		st.Error = err.Error()
		a.setIndex(st, "")
		return
	}
	if fp == known {
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
	a.hadTemplates = a.hadTemplates || (st.Error == "" && st.Templates != "")
	if st.Error != "" {
		a.cfg.Logger.Warn("indexing templates failed", "err", st.Error)
	}
	return first
}
