//go:build unix

package agent

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// makeProbeDir makes the probes' scratch folder and locks it for as long
// as the agent runs. The lock is how a later agent tells the folder of one
// that is gone: a probe's folder whose removal a shutdown deadline cut
// short (a 10,000-generator tree takes seconds) stays, and is reclaimed by
// the next agent's reclaimProbeDirs.
func makeProbeDir() (string, *os.File, error) {
	dir, err := os.MkdirTemp("", probeDirPattern)
	if err != nil {
		return "", nil, err
	}
	f, err := os.Open(dir)
	if err == nil {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != nil {
			f.Close()
		}
	}
	if err != nil {
		os.Remove(dir)
		return "", nil, fmt.Errorf("locking %s: %w", dir, err)
	}
	return dir, f, nil
}

// reclaimProbeDirs removes, within ctx, the probe folders of agents of this
// user that are no longer running, keeping own. A folder another agent
// still holds is locked, and kept; one of another user, or a link, is
// left alone.
func reclaimProbeDirs(ctx context.Context, own string) error {
	dirs, err := filepath.Glob(filepath.Join(os.TempDir(), probeDirPattern+"*"))
	if err != nil {
		return err
	}
	var errs []error
	for _, dir := range dirs {
		if ctx.Err() != nil {
			break
		}
		if dir == own {
			continue
		}
		fi, err := os.Lstat(dir)
		if err != nil || !fi.IsDir() {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
			continue
		}
		f, err := os.OpenFile(dir, os.O_RDONLY|syscall.O_DIRECTORY|syscall.O_NOFOLLOW, 0)
		if err != nil {
			continue
		}
		if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
			if err := removeWithin(ctx, dir); err != nil && !errors.Is(err, context.Canceled) {
				errs = append(errs, err)
			}
		}
		f.Close()
	}
	return errors.Join(errs...)
}
