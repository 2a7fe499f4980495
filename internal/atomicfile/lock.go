package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// LockFile, a lock file in a target's folder, carries the advisory
// lock of every file in that folder: one file to create and remove per
// folder rather than per target, which on a journalling file system is most
// of what writing a file costs. It exists only while held: the holder
// removes it before releasing, and a waiter that then gets the lock on the
// removed file starts over. Left behind only by a killed process, it is
// empty and reused. No target may bear its name (a file written there
// would be removed with the lock; a folder would stop every write beside
// it).
const LockFile = ".hypergen-lock"

// waitNotice is how long Lock waits for another process before it calls
// Tx.OnWait: long enough that a run passing through says nothing.
const waitNotice = time.Second

// held is one folder's lock.
type held struct {
	key  string // the in-process key
	name string // the lock file's name in the tree
	f    *os.File
	fi   fs.FileInfo // f's, to tell the same folder reached by another path
	// alias: the folder is one the transaction locked already under
	// another name (through a link): f is nil, and the first holds it.
	alias bool
}

// Lock takes the write lock of the folder of every path, creating the
// folders (removed again on Rollback or Close if nothing is written in
// them), in path order so that runs locking overlapping sets cannot
// deadlock. It waits for other writers to those folders, in this process or
// another, until ctx ends. Holding the locks from reading a file to
// replacing it means no concurrent update is lost. Temporaries a killed
// writer left beside a locked file are removed.
func (tx *Tx) Lock(ctx context.Context, paths []string) error {
	// Ended already: say so, not that it waited for a writer (which a
	// select between the lock and ctx.Done reported at random).
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	byFolder := map[string][]string{}
	for _, p := range paths {
		name, err := tx.name(p)
		if err != nil {
			return fmt.Errorf("locking %s: %w", p, err)
		}
		byFolder[filepath.Dir(name)] = append(byFolder[filepath.Dir(name)], name)
	}
	if err := checkOpenLimit(len(byFolder)); err != nil {
		return err
	}
	for _, folder := range slices.Sorted(maps.Keys(byFolder)) {
		h, err := tx.lock(ctx, folder)
		if err != nil {
			return tooManyFolders(err, len(byFolder))
		}
		tx.locks = append(tx.locks, h)
		tx.removeStale(folder, byFolder[folder])
	}
	return nil
}

func (tx *Tx) lock(ctx context.Context, folder string) (*held, error) {
	key := tx.base + "\x00" + folder
	name := filepath.Join(folder, LockFile)
	if err := local.acquire(ctx, key); err != nil {
		return nil, fmt.Errorf("waiting to write in %s: %w", folder, err)
	}
	start := time.Now()
	told := false
	gone := 0
	for wait := time.Millisecond; ; wait = min(2*wait, 50*time.Millisecond) {
		dir, ln, f, err := tx.openLock(name)
		if errors.Is(err, fs.ErrNotExist) && gone < maxFolderGone {
			// The folder was removed since it was opened: a run that made
			// it for a write it then skipped removes it as it finishes.
			// Make it again.
			gone++
			tx.forgetFolders(folder)
			continue
		}
		if err != nil {
			local.release(key)
			return nil, fmt.Errorf("locking %s: %w", name, lockError(err))
		}
		ok, err := TryLock(f)
		if err == nil && ok {
			if fi, cur := current(dir, ln, f); cur {
				if fi.Size() > 0 {
					// Hypergen's lock files are empty: one that holds data
					// is someone else's file, which removing the lock
					// after the run would delete.
					f.Close()
					local.release(key)
					return nil, fmt.Errorf("%s holds %d bytes, so it is not one of hypergen's lock files, which are empty "+
						"and removed after each run; hypergen uses that name in every folder it writes in: move the file", name, fi.Size())
				}
				return &held{key: key, name: name, f: f, fi: fi}, nil
			}
		}
		if err == nil && !ok && tx.holds(f) {
			// This run locked the folder already, through another path to
			// it (out/ and a link to out/): a second lock on the file would
			// wait for the first, this run's own, for ever.
			f.Close()
			return &held{key: key, name: name, alias: true}, nil
		}
		f.Close()
		if err != nil {
			local.release(key)
			return nil, fmt.Errorf("locking %s: %w", name, err)
		}
		if ok {
			continue // the lock file was removed under us: take the new one
		}
		if !told && tx.OnWait != nil && time.Since(start) >= waitNotice {
			tx.OnWait(folder)
			told = true
		}
		select {
		case <-ctx.Done():
			local.release(key)
			return nil, fmt.Errorf("waiting to write in %s: %w", folder, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// holds reports whether f is the lock file of a folder the transaction
// holds: looked at only when f's lock is taken, so a run pays nothing for
// it unless it waits.
func (tx *Tx) holds(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	for _, h := range tx.locks {
		if h.fi != nil && os.SameFile(fi, h.fi) {
			return true
		}
	}
	return false
}

// maxFolderGone bounds how often Lock makes a folder again that another
// run removed while it waited (see Tx.lock).
const maxFolderGone = 8

// openLock opens (creating) the lock file name in its folder, which it
// creates. The lock file of a folder several users write may be another
// user's, and not writable: a lock needs only a descriptor, so it is opened
// for reading then.
func (tx *Tx) openLock(name string) (tree, string, *os.File, error) {
	dir, ln, err := tx.in(name, true)
	if err != nil {
		return nil, "", nil, err
	}
	f, err := dir.OpenFile(ln, os.O_RDWR|os.O_CREATE, 0o666)
	if errors.Is(err, fs.ErrPermission) {
		if rf, rerr := dir.OpenFile(ln, os.O_RDONLY, 0); rerr == nil {
			f, err = rf, nil
		}
	}
	return dir, ln, f, err
}

// lockError explains a lock file that cannot be made.
func lockError(err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("%w: hypergen writes a file by renaming a new one beside it onto it, "+
			"so it needs to create files in the folder, not only to write the file", err)
	}
	return err
}

// forgetFolders closes and forgets the open folder dir and its parents,
// which may have been removed with it, so the next use opens or creates
// them again.
func (tx *Tx) forgetFolders(dir string) {
	for d := dir; d != "." && d != filepath.Dir(d); d = filepath.Dir(d) {
		tx.closeFolder(d)
	}
}

// current reports whether f is still the file at name (not one its last
// holder removed), with f's FileInfo.
func current(dir tree, name string, f *os.File) (fs.FileInfo, bool) {
	a, err := f.Stat()
	if err != nil {
		return nil, false
	}
	b, err := dir.Stat(name)
	return a, err == nil && os.SameFile(a, b)
}

// removeLockFiles removes the lock files while their locks are still held
// (see LockFile).
func (tx *Tx) removeLockFiles() {
	for _, h := range tx.locks {
		if h.alias {
			continue // the same file as another's
		}
		if dir, base, err := tx.in(h.name, false); err == nil {
			_ = dir.Remove(base)
		}
	}
}

func (tx *Tx) unlock() {
	for _, h := range slices.Backward(tx.locks) {
		if h.f != nil {
			h.f.Close() // releases the advisory lock
		}
		local.release(h.key)
	}
	tx.locks = nil
}

// local serialises this process's writers of one folder before they contend
// for its file lock, so waiting goroutines sleep on a channel rather than
// poll.
var local = &keyedMutex{m: map[string]*keyEntry{}}

type keyedMutex struct {
	mu sync.Mutex
	m  map[string]*keyEntry
}

type keyEntry struct {
	ch   chan struct{}
	refs int
}

func (k *keyedMutex) acquire(ctx context.Context, key string) error {
	k.mu.Lock()
	e := k.m[key]
	if e == nil {
		e = &keyEntry{ch: make(chan struct{}, 1)}
		k.m[key] = e
	}
	e.refs++
	k.mu.Unlock()
	select {
	case e.ch <- struct{}{}:
		return nil
	case <-ctx.Done():
		k.drop(key, e)
		return ctx.Err()
	}
}

func (k *keyedMutex) release(key string) {
	k.mu.Lock()
	e := k.m[key]
	k.mu.Unlock()
	<-e.ch
	k.drop(key, e)
}

// drop forgets a key nobody holds or waits for, so the map stays small.
func (k *keyedMutex) drop(key string, e *keyEntry) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if e.refs--; e.refs == 0 {
		delete(k.m, key)
	}
}
