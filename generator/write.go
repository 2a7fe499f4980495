package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/envflag"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// beginWrites begins the run's writes. Without AllowOutside every write is
// resolved inside the project through os.Root, so a folder swapped for a
// link leading out after the plan is refused, not followed.
func (e *Engine) beginWrites(inv *invocation) (*atomicfile.Tx, error) {
	durable, err := e.durable()
	if err != nil {
		return nil, err
	}
	tx := atomicfile.Begin(nil, "")
	if !e.cfg.AllowOutside {
		root, err := os.OpenRoot(inv.cwd)
		if err != nil {
			return nil, fmt.Errorf("opening the project: %w", err)
		}
		tx = atomicfile.Begin(root, inv.cwd) // closed with the Tx
	}
	tx.SetDurable(durable)
	return tx, nil
}

// sayWhenWaiting tells the run's user when another run (a hypergen waiting
// at a question, say) holds a lock this run needs.
func (e *Engine) sayWhenWaiting(ctx context.Context, tx *atomicfile.Tx, inv *invocation) {
	_, stderr := outputs(ctx, e.cfg)
	tx.OnWait = func(folder string) {
		if !filepath.IsAbs(folder) {
			folder = filepath.Join(inv.cwd, folder)
		}
		if shown := e.displayPath(folder); shown != "." {
			folder = shown
		}
		fmt.Fprintf(stderr, "hypergen: waiting for another hypergen run writing in %s to finish (Ctrl-C stops)\n", folder)
	}
}

// lockTargets takes the write lock of every file that the files the planner
// plans next (its next segment: see planner.stepwise) name in `to:`, so
// that from reading an inject target to replacing it no other run, here or
// in another process, writes it. A segment's locks are released before the
// command that ends it runs (applySteps), so the command sees neither lock
// files nor folders made for later files, and a run never waits for a lock
// while holding another.
func (e *Engine) lockTargets(ctx context.Context, tx *atomicfile.Tx, p *planner, files []renderedFile) error {
	var targets []string
	added := map[string]bool{} // files this stretch writes whole
	// The end once: finding it scans every file left.
	for i, end := p.next, p.segmentEnd(files); i < end; i++ {
		to, ok := attr(&files[i], "to").(string)
		if !ok || !jsvalue.Truthy(to) {
			continue
		}
		t, err := p.resolveTarget(to)
		if err != nil {
			continue // a refused one fails in the plan
		}
		if jsvalue.Truthy(attr(&files[i], "inject")) {
			if underAFile(t.write, added) {
				// No such file can be there: hygen says "Cannot inject" and
				// goes on, and so does the plan; a lock there would make a
				// folder where a file is, or is to be.
				continue
			}
		} else {
			added[t.write] = true
		}
		targets = append(targets, t.write)
	}
	return tx.Lock(ctx, targets)
}

// underAFile reports whether one of path's parents is a file, not a
// folder, on disk or among the files the run adds before it.
func underAFile(path string, added map[string]bool) bool {
	for d := filepath.Dir(path); d != filepath.Dir(d); d = filepath.Dir(d) {
		if added[d] {
			return true
		}
	}
	st, err := os.Stat(filepath.Dir(path))
	return errors.Is(err, syscall.ENOTDIR) || err == nil && !st.IsDir()
}

// EnvFsync turns durable writes off (0, false) or on (1, true, the default)
// from the environment; see Config.NoFsync.
const EnvFsync = "HYPERGEN_FSYNC"

// durable reports whether this run's writes are fsynced (see Config.NoFsync).
func (e *Engine) durable() (bool, error) {
	switch {
	case e.cfg.Fsync && e.cfg.NoFsync:
		return false, &UsageError{Msg: "Config.Fsync and Config.NoFsync are both set"}
	case e.cfg.NoFsync:
		return false, nil
	case e.cfg.Fsync:
		return true, nil
	}
	return FsyncFromEnv(e.cfg.Getenv)
}

// FsyncFromEnv reports whether HYPERGEN_FSYNC leaves durable writes on:
// unset or a true value does, a false one (0, false, no, off) turns them
// off. A value that is
// not a boolean is refused (a *UsageError) rather than guessed at, since it
// decides what survives a power loss.
func FsyncFromEnv(getenv func(string) string) (bool, error) {
	on, err := envflag.Bool(getenv, EnvFsync, true)
	if err != nil {
		return false, &UsageError{Msg: err.Error()}
	}
	return on, nil
}

// realPath resolves symbolic links in the longest existing prefix of p, so a
// link inside the project that points elsewhere is seen for what it is.
func realPath(p string) string { return realPaths{}.dir(p) }

// realPaths memoizes realPath for the folders of one plan's targets: the
// targets share few folders, and resolving a path walks all its elements.
// Valid while the plan runs, since planning changes nothing on disk.
type realPaths map[string]string

// of is realPath(p), resolving p's folder once, and whether p itself is a
// link. A link that leads nowhere (yet) is judged by where it leads,
// following up to 40 links as the kernel would: hygen's write would create
// the file there, and so does hypergen's (see planner.resolveTarget).
func (m realPaths) of(p string) (real string, link bool) {
	for i := range 40 {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			break
		}
		link = link || i == 0
		if _, err := os.Stat(p); err == nil {
			return realPath(p), link
		}
		target, err := os.Readlink(p)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(m.dir(filepath.Dir(p)), target)
		}
		p = target
	}
	return filepath.Join(m.dir(filepath.Dir(p)), filepath.Base(p)), link
}

// dir resolves d, memoized for d and, when d does not exist yet, for the
// folders above it that do not either: targets in new folders share their
// missing parents. The nearest folder that exists is found by one lstat a
// level: resolving each missing level in full would walk the whole path
// again at every level, which for a target thousands of folders deep kept
// a core busy for minutes.
func (m realPaths) dir(d string) string {
	if r, ok := m[d]; ok {
		return r
	}
	if r, err := filepath.EvalSymlinks(d); err == nil {
		m[d] = r
		return r
	}
	missing := []string{d} // d and the folders above it that do not resolve
	for {
		parent := filepath.Dir(missing[len(missing)-1])
		if parent == missing[len(missing)-1] {
			break // the root itself did not resolve: kept as it is
		}
		if _, known := m[parent]; known {
			break
		}
		if _, err := os.Lstat(parent); err == nil {
			break
		}
		missing = append(missing, parent)
	}
	top := missing[len(missing)-1]
	r := top
	if fi, err := os.Lstat(top); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		// A link to a folder that is not there yet (lnk -> out, before
		// an earlier template makes out/): the kernel, and so hygen's
		// write, goes where it leads once it is. Kept as it is meanwhile,
		// so that links leading back through it end.
		m[top] = top
		r, _ = m.of(top)
	} else if parent := filepath.Dir(top); parent != top {
		r = filepath.Join(m.dir(parent), filepath.Base(top))
	}
	m[top] = r
	for i := len(missing) - 2; i >= 0; i-- {
		r = filepath.Join(r, filepath.Base(missing[i]))
		m[missing[i]] = r
	}
	return r
}

// insideDir reports whether p is dir or below it. filepath.IsLocal knows
// each system's rules: on Windows "..\x" leaves dir, another drive is
// outside, and reserved names such as NUL or COM1 are devices, not files.
func insideDir(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// realRoot is a folder whose resolved path is computed when first needed
// and kept: a run checks its action folder, hook, templates and from: files
// against the same templates root, and resolving it stats every element.
type realRoot struct{ path, real string }

// resolved is realPath of the folder.
func (r *realRoot) resolved() string {
	if r.real == "" {
		r.real = realPath(r.path)
	}
	return r.real
}

// contains reports whether p is the folder or below it once symbolic links
// in both are resolved.
func (r *realRoot) contains(p string) bool {
	return insideDir(r.resolved(), realPath(p))
}
