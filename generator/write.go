package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// lockTargets begins the run's writes: it takes the write lock of every
// file the rendered templates name in `to:`, so that from reading an inject
// target to replacing it no other run, here or in another process, writes
// it. Without AllowOutside every write is resolved inside the project
// through os.Root, so a folder swapped for a link leading out after the
// plan is refused, not followed.
func (e *Engine) lockTargets(ctx context.Context, files []renderedFile) (*atomicfile.Tx, error) {
	tx := atomicfile.Begin(nil, "")
	if !e.cfg.AllowOutside {
		root, err := os.OpenRoot(e.cfg.Cwd)
		if err != nil {
			return nil, fmt.Errorf("opening the project: %w", err)
		}
		tx = atomicfile.Begin(root, e.cfg.Cwd) // closed with the Tx
	}
	var targets []string
	p := &planner{e: e}
	for i := range files {
		to, ok := attr(&files[i], "to").(string)
		if !ok || !jsvalue.Truthy(to) {
			continue
		}
		if abs, err := p.resolveTarget(to); err == nil {
			targets = append(targets, abs) // a refused one fails in the plan
		}
	}
	if err := tx.Lock(ctx, targets); err != nil {
		tx.Rollback()
		_ = tx.Close()
		return nil, err
	}
	return tx, nil
}

// realPath resolves symbolic links in the longest existing prefix of p, so a
// link inside the project that points elsewhere is seen for what it is.
func realPath(p string) string {
	rest := ""
	for cur := p; ; {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return p
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// insideDir reports whether p is dir or below it. filepath.IsLocal knows
// each system's rules: on Windows "..\x" leaves dir, another drive is
// outside, and reserved names such as NUL or COM1 are devices, not files.
func insideDir(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// insideReal reports whether p is root or below it once symbolic links in
// both are resolved.
func insideReal(root, p string) bool {
	return insideDir(realPath(root), realPath(p))
}
