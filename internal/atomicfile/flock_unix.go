//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// TryLock takes f's exclusive advisory lock (flock) without waiting; false
// means another process holds it. Closing f releases it.
func TryLock(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// tooManyFolders explains err when it is the process's limit of open files
// (EMFILE) met while locking folders: a run keeps two files open in each
// folder it writes until it has written them all, so an action over a few
// hundred folders meets a limit of 1,024, and "too many open files" alone
// does not say what to do.
func tooManyFolders(err error, folders int) error {
	lim, ok := openLimit()
	if !ok || !errors.Is(err, syscall.EMFILE) {
		return err
	}
	return fmt.Errorf("%w: this action writes into %d folders, and a run keeps two files open in each until it has written them all; "+
		"this process may open %d at once (ulimit -n): raise that limit, or split the action", err, folders, lim)
}

// checkOpenLimit refuses, before anything is locked or written, an action
// over more folders than the process may keep open: it would otherwise
// fail part-way, locking or writing, with "too many open files" alone.
// Besides its folders' two files a run keeps open its standard streams,
// the runtime's own, temporaries and folders being flushed (syncLimit
// each) and folders kept open for exchanges (maxExchangeFolders).
func checkOpenLimit(folders int) error {
	headroom := 64 + 2*syncLimit + maxExchangeFolders
	if lim, ok := openLimit(); ok && uint64(2*folders+headroom) > lim {
		return tooManyFolders(syscall.EMFILE, folders)
	}
	return nil
}

func openLimit() (uint64, bool) {
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) != nil {
		return 0, false
	}
	return uint64(lim.Cur), true
}
