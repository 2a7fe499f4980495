package perf

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
)

// IndexState is how the persistent index matched a tree at one moment.
type IndexState struct {
	Actions int     `json:"actions"`
	Fresh   int64   `json:"fresh"`   // served from the index
	Stale   int64   `json:"stale"`   // changed (or changed too recently to trust)
	Missing int64   `json:"missing"` // never indexed
	Corrupt int64   `json:"corrupt"` // unreadable or foreign shards (not in Missing)
	Seconds float64 `json:"seconds"` // to list every action
}

// OptimizeReport is the index before and after Optimize.
type OptimizeReport struct {
	Templates string     `json:"templates"`
	CacheDir  string     `json:"cache_dir"`
	Before    IndexState `json:"before"`
	After     IndexState `json:"after"`
	Written   int64      `json:"written"`
	// Racy is set when some entries could not be made trustworthy yet,
	// because their folders changed within the last diskindex.RacyWindow.
	Racy bool `json:"racy"`
}

// Optimize builds or refreshes the persistent index of a templates root in
// cacheDir, measuring how well the index matched before and after. Compiled
// templates are not persisted (a compiled program lives in one process), so
// a cold process still compiles the few templates its action uses.
func Optimize(ctx context.Context, templates, cacheDir string, warn io.Writer) (*OptimizeReport, error) {
	if st, err := os.Stat(templates); err != nil || !st.IsDir() {
		return nil, &os.PathError{Op: "optimize", Path: templates, Err: os.ErrNotExist}
	}
	rep := &OptimizeReport{Templates: templates, CacheDir: cacheDir}
	var err error
	if rep.Before, err = indexState(templates, cacheDir, warn); err != nil {
		return nil, err
	}
	idx := diskindex.Open(cacheDir, warn)
	if _, err := generator.ListGeneratorsIndexedContext(ctx, templates, idx); err != nil {
		return nil, err
	}
	rep.Written = idx.Stats().Writes
	if rep.After, err = indexState(templates, cacheDir, warn); err != nil {
		return nil, err
	}
	rep.Racy = rep.After.Stale > 0
	return rep, nil
}

// indexState asks a fresh index, as a new process would, for every action's
// listing, without changing it.
func indexState(templates, cacheDir string, warn io.Writer) (IndexState, error) {
	idx := diskindex.Open(cacheDir, warn)
	gens, err := os.ReadDir(templates)
	if err != nil {
		return IndexState{}, err
	}
	var st IndexState
	start := time.Now()
	for _, g := range gens {
		if !g.IsDir() {
			continue
		}
		actions, err := os.ReadDir(filepath.Join(templates, g.Name()))
		if err != nil {
			return IndexState{}, err
		}
		for _, a := range actions {
			if a.IsDir() {
				st.Actions++
				idx.Listing(filepath.Join(templates, g.Name(), a.Name()))
			}
		}
	}
	st.Seconds = time.Since(start).Seconds()
	s := idx.Stats()
	// The index counts a corrupt shard as a miss too; the report's columns
	// each count an action once, so they add up to Actions.
	st.Fresh, st.Stale, st.Missing, st.Corrupt = s.Hits, s.Stale, s.Misses-s.Corrupt, s.Corrupt
	return st, nil
}
