// Package atomicfile replaces files whole: readers see the old content or the
// new, never part of either, and a failed write leaves nothing behind.
//
// A Tx writes a set of files all or nothing: it creates every folder and
// temporary file first, then renames them into place; on failure it removes
// what it created. A durable Tx also fsyncs every temporary before the first
// rename and each folder once after the renames, so the new files survive a
// power loss, not only a crash of the writer. Confined to a
// folder, it resolves every path with os.Root, so a folder swapped for a
// symbolic link leading out between planning and writing is not followed.
// Lock serialises writers of the same file, in this process and across
// processes, through an advisory lock file in its folder.
package atomicfile

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/regularfile"
	"golang.org/x/sync/errgroup"
)

// Write writes data to path through a temporary file in the same folder and
// a rename, creating the folder if needed. A new file gets mode 0666 less the
// umask, as Node's fs.writeFile gives it (generated files must look like
// hygen's); an existing file keeps its mode and, where the system lets it,
// its owner. A symbolic link at path is written through. What a write in
// place could not replace is refused: a file without write permission, and
// anything but a regular file (a device or a pipe).
// Write is durable (see Tx.SetDurable).
func Write(path string, data []byte) error { return write(nil, path, data, true) }

// WriteContext is Write that stops when ctx ends (Ctrl-C during a large
// export) before the file is replaced, removing its temporary: nothing is
// left of it, and the error is the context's cause.
func WriteContext(ctx context.Context, path string, data []byte) error {
	return write(ctx, path, data, true)
}

// WriteCache is Write without fsync, for a cache whose reader detects a file
// a power loss left short or empty (a checksum) and rebuilds it.
func WriteCache(path string, data []byte) error { return write(nil, path, data, false) }

func write(ctx context.Context, path string, data []byte, durable bool) error {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// Write through the link, as writing in place would.
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		path = real
	}
	tx := Begin(nil, "")
	tx.SetDurable(durable)
	tx.ctx = ctx
	st, err := tx.Stage(path, data)
	if err == nil {
		err = tx.waitSyncs() // the fsync may be what takes the time
	}
	if err == nil && ctx != nil && ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	if err == nil {
		err = tx.Commit(st)
	}
	if err != nil {
		tx.Rollback()
		_ = tx.Close()
		return err
	}
	return tx.Close()
}

// tree is where a Tx works: an *os.Root (names relative to it) or the
// whole file system (absolute names).
type tree interface {
	Mkdir(name string, perm os.FileMode) error
	OpenFile(name string, flag int, perm os.FileMode) (*os.File, error)
	Open(name string) (*os.File, error)
	Remove(name string) error
	Rename(oldname, newname string) error
	Stat(name string) (os.FileInfo, error)
	Lstat(name string) (os.FileInfo, error)
	Link(oldname, newname string) error
}

type osTree struct{}

func (osTree) Mkdir(name string, perm os.FileMode) error { return os.Mkdir(name, perm) }
func (osTree) OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(name, flag, perm)
}
func (osTree) Open(name string) (*os.File, error)     { return os.Open(name) }
func (osTree) Remove(name string) error               { return os.Remove(name) }
func (osTree) Rename(oldname, newname string) error   { return os.Rename(oldname, newname) }
func (osTree) Stat(name string) (os.FileInfo, error)  { return os.Stat(name) }
func (osTree) Lstat(name string) (os.FileInfo, error) { return os.Lstat(name) }
func (osTree) Link(oldname, newname string) error     { return os.Link(oldname, newname) }

// Tx is one all-or-nothing set of writes. Not safe for concurrent use.
type Tx struct {
	root    *os.Root // closed by Close
	t       tree
	base    string              // the root's path, to turn absolute paths into root names
	staged  map[Staged]bool     // not yet committed
	created []string            // folders this Tx made, parents first
	added   []string            // targets that did not exist before their rename
	kept    []keptFile          // what commits replaced, while a later one may fail
	dirs    map[string]bool     // folders to fsync after renames
	folders map[string]tree     // open folders by name (see folder)
	dirFDs  map[string]*os.File // open folders for exchange, by name; at most maxExchangeFolders
	locks   []*held
	durable bool
	ctx     context.Context // if set, staging stops when it ends (WriteContext)
	syncs   *errgroup.Group // fsyncs of staged temporaries in flight (durable only)

	// OnWait, if set, is called once for each folder whose lock another
	// process has held for a second, with the folder's name as Lock names
	// it: a run waiting at a prompt holds its locks, and the user of the
	// waiting one should see why nothing happens.
	OnWait func(folder string)
}

// Begin starts a Tx. With root set, every path must lie below base (root's
// path) and is resolved inside root, which Close closes; with root nil,
// paths are used as they are.
func Begin(root *os.Root, base string) *Tx {
	tx := &Tx{t: osTree{}, staged: map[Staged]bool{}, dirs: map[string]bool{}, folders: map[string]tree{}}
	if root != nil {
		tx.root, tx.t, tx.base = root, root, base
	}
	return tx
}

// SetDurable makes the Tx fsync each file before renaming it into place and
// each folder it renamed into, so the writes survive a power loss. Without
// it the writes are as atomic (readers and a crashed writer still see whole
// files) but a power loss may lose them, as with most tools' writes.
func (tx *Tx) SetDurable(on bool) { tx.durable = on }

// syncLimit bounds the fsyncs in flight at once, of temporaries and of
// folders. They are started as soon as a file is staged and waited for
// before the first rename, so flushing overlaps writing the next files, and
// the device gets several flushes at a time instead of one after another.
// Measured with BenchmarkDurableTx (ten files in two folders, replaced each
// time) on the project's 2-core VM, whose root file system is ext4 without
// a journal on a virtio disk: one fsync at a time took a median 15.7 ms per
// transaction, 4 at a time 8.4 ms, 8 or 16 no less (8.2, 8.0 ms), and no
// fsync 4.6 ms (ten interleaved rounds on a machine shared with other
// builds). Without a journal there is no commit for flushes to share; the
// gain is the virtual disk serving several requests at once.
var syncLimit = 4

// syncsFolders: Windows cannot flush a folder (FlushFileBuffers needs write
// access, which a folder handle cannot have: every attempt is "Access is
// denied"), and NTFS journals a rename itself.
const syncsFolders = runtime.GOOS != "windows"

// fsync flushes f to disk; a variable so a test can count the calls.
var fsync = (*os.File).Sync

// syncLater fsyncs and closes a staged temporary in the background; the
// next Commit waits for it.
func (tx *Tx) syncLater(f *os.File, path string) {
	if tx.syncs == nil {
		tx.syncs = new(errgroup.Group)
		tx.syncs.SetLimit(syncLimit)
	}
	tx.syncs.Go(func() error {
		err := fsync(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return nil
	})
}

// waitSyncs waits for the fsyncs started by Stage and returns the first
// failure.
func (tx *Tx) waitSyncs() error {
	if tx.syncs == nil {
		return nil
	}
	err := tx.syncs.Wait()
	tx.syncs = nil
	return err
}

// name turns an absolute path into the name the tree takes.
func (tx *Tx) name(path string) (string, error) {
	if tx.base == "" {
		return path, nil
	}
	rel, err := filepath.Rel(tx.base, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%s is outside %s", path, tx.base)
	}
	return rel, nil
}

// Staged is a file written to its temporary, waiting for Commit.
type Staged struct {
	path, name, tmp string
	existed         bool // the target was there when staged
}

// Stage creates path's folders and a temporary file beside it holding
// data. If the Tx is durable, the temporary's fsync starts in the
// background; Commit waits for it. Nothing is visible at path until Commit.
// The same path may be staged more than once; each commit replaces the
// file.
func (tx *Tx) Stage(path string, data []byte) (Staged, error) {
	st, err := tx.stage(path, data)
	if err != nil {
		return Staged{}, fmt.Errorf("writing %s: %w", path, err)
	}
	return st, nil
}

func (tx *Tx) stage(path string, data []byte) (Staged, error) {
	name, err := tx.name(path)
	if err != nil {
		return Staged{}, err
	}
	dir, base, err := tx.in(name, true)
	if err != nil {
		return Staged{}, err
	}
	s := Staged{path: path, name: name, tmp: tempName(name)}
	old, err := replaceable(dir, base)
	if err != nil {
		return Staged{}, err
	}
	s.existed = old != nil
	f, err := dir.OpenFile(filepath.Base(s.tmp), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return Staged{}, err
	}
	tx.staged[s] = true
	if old != nil {
		err = keepOwnerAndMode(f, old)
	}
	if err == nil {
		err = tx.writeData(f, data)
	}
	if err == nil && tx.durable {
		tx.syncLater(f, path)
		return s, nil
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return s, err
}

// writeChunk is how much of a file is written between two looks at the
// Tx's context.
const writeChunk = 4 << 20

// writeData writes data to f, a chunk at a time when the Tx has a context,
// stopping with its cause when it ends.
func (tx *Tx) writeData(f *os.File, data []byte) error {
	if tx.ctx == nil {
		_, err := f.Write(data)
		return err
	}
	for len(data) > 0 {
		if tx.ctx.Err() != nil {
			return context.Cause(tx.ctx)
		}
		n := min(len(data), writeChunk)
		if _, err := f.Write(data[:n]); err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

// replaceable returns what is at base in dir (nil if nothing is) when a
// new file may take its place. A rename needs only the folder's
// permission, so each refusal here is one a write in place, such as
// hygen's fs.writeFile, would meet, or one that protects what the rename
// would destroy.
func replaceable(dir tree, base string) (fs.FileInfo, error) {
	st, err := dir.Lstat(base)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case st.IsDir():
		return nil, errors.New("it is a folder")
	case st.Mode()&fs.ModeSymlink != 0:
		// Callers name the file a link leads to (see Write); replacing
		// the link would leave a copy where the link was.
		return nil, errors.New("it is a symbolic link, which hypergen does not replace")
	}
	if err := regularfile.Check(st); err != nil {
		return nil, err // a device or pipe the rename would turn into a file
	}
	f, err := dir.OpenFile(base, os.O_WRONLY|regularfile.NonBlock, 0)
	if err != nil {
		return nil, err // a read-only file stays read-only
	}
	f.Close()
	return st, nil
}

// keptFile is a file a commit replaced, under a temporary's name (so a run
// killed before removing it leaves something removeStale knows).
type keptFile struct{ name, kept string }

// Commit renames a staged file into place. In a durable Tx it first waits
// until every temporary staged so far is on disk: a rename that reached the
// disk before its file's data could leave an empty file after a power loss.
//
// While other staged files wait for their commits, the file it replaces is
// kept (see replaceKeeping) so that Rollback can put it back if a later
// rename fails: a rename can fail after every file was staged (a
// bind-mounted target is busy, a disk fails). The last commit keeps
// nothing: nothing after it can fail. Release and Close remove what was
// kept.
func (tx *Tx) Commit(s Staged) error {
	if !tx.staged[s] {
		return fmt.Errorf("writing %s: not staged", s.path)
	}
	if err := tx.waitSyncs(); err != nil {
		return err
	}
	dir, base, err := tx.in(s.name, false)
	if err == nil && s.existed && len(tx.staged) > 1 {
		err = tx.replaceKeeping(s, dir, base)
	} else if err == nil {
		err = dir.Rename(filepath.Base(s.tmp), base)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", s.path, renameError(err))
	}
	delete(tx.staged, s)
	if !s.existed {
		tx.added = append(tx.added, s.name)
	}
	if tx.durable && syncsFolders {
		tx.dirs[filepath.Dir(s.name)] = true
	}
	return nil
}

// maxExchangeFolders bounds the folders a Tx keeps open for exchanges
// (tx.dirFDs), on top of the two files of each folder it writes in: one
// more a folder met a limit of 1,024 open files at 340 folders.
const maxExchangeFolders = 64

// Sync flushes the folders of committed files of a durable Tx, each once
// and several at a time, so the renames survive a power loss.
func (tx *Tx) Sync() error {
	var (
		mu   sync.Mutex
		errs []error
		g    errgroup.Group
	)
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	g.SetLimit(syncLimit)
	for d := range tx.dirs {
		// A folder an exchange opened is flushed through that handle, which
		// Close closes; any other is opened here, and closed once flushed.
		f, kept := tx.dirFDs[d]
		if !kept {
			dir, err := tx.folder(d, false) // here: tx.folders is not safe for concurrent use
			if err == nil {
				f, err = dir.Open(".")
			}
			if err != nil {
				fail(err)
				continue
			}
		}
		g.Go(func() error {
			if !kept {
				defer f.Close()
			}
			// Some file systems cannot sync a folder; that is no failure.
			if err := fsync(f); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, errors.ErrUnsupported) {
				fail(fmt.Errorf("syncing %s: %w", d, err))
			}
			return nil
		})
	}
	_ = g.Wait() // the failures are in errs
	clear(tx.dirs)
	return errors.Join(errs...)
}

// Rollback removes the staged files and the files this Tx added, and puts
// back the files it replaced since the last Release; Close then removes the
// folders it created, which are empty again.
func (tx *Tx) Rollback() {
	tx.removeStaged()
	for _, k := range slices.Backward(tx.kept) {
		if dir, base, err := tx.in(k.name, false); err == nil {
			_ = dir.Rename(filepath.Base(k.kept), base)
		}
	}
	tx.kept = nil
	for _, name := range slices.Backward(tx.added) {
		_ = tx.t.Remove(name)
	}
	tx.added = nil
}

// replaceKeeping renames s into place and keeps the file it replaces for
// Rollback. Where the system can (Linux), the two swap names in one step
// (renameat2's RENAME_EXCHANGE): the old file is then at the temporary's
// name, and removing it later frees its blocks where the rename would have.
// Elsewhere a hard link keeps it, which costs a link and, later, the
// removal of the last name; where neither works, nothing is kept.
func (tx *Tx) replaceKeeping(s Staged, dir tree, base string) error {
	tmp := filepath.Base(s.tmp)
	err := tx.exchange(filepath.Dir(s.name), dir, tmp, base)
	if err == nil {
		tx.kept = append(tx.kept, keptFile{name: s.name, kept: s.tmp})
		return nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		return err // nothing changed: the swap is all or nothing
	}
	kept := tempName(s.name)
	if dir.Link(base, filepath.Base(kept)) != nil {
		return dir.Rename(tmp, base)
	}
	if err := dir.Rename(tmp, base); err != nil {
		_ = dir.Remove(filepath.Base(kept))
		return err
	}
	tx.kept = append(tx.kept, keptFile{name: s.name, kept: kept})
	return nil
}

// renameError explains the failures of a rename whose temporary was made:
// the target is what the folder or the mount refuses to have replaced.
func renameError(err error) error {
	switch {
	case errors.Is(err, syscall.EBUSY):
		return fmt.Errorf("%w: it is a mount point (a file bind-mounted into a container is one), "+
			"and hypergen replaces a file by renaming a new one onto it", err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: hypergen replaces a file by renaming a new one onto it, "+
			"which a folder with the sticky bit (such as /tmp) allows only the file's owner", err)
	}
	return err
}

// dropKept removes the replaced files kept for Rollback: what was committed
// stays.
func (tx *Tx) dropKept() {
	for _, k := range tx.kept {
		if dir, base, err := tx.in(k.kept, false); err == nil {
			_ = dir.Remove(base)
		}
	}
	tx.kept = nil
}

func (tx *Tx) removeStaged() {
	_ = tx.waitSyncs() // a file being flushed is still open (Windows cannot remove it)
	for s := range tx.staged {
		if dir, base, err := tx.in(s.tmp, false); err == nil {
			_ = dir.Remove(base)
		}
	}
	clear(tx.staged)
}

// removeEmptyFolders removes the folders this Tx made that nothing ended up
// in (deepest first), as for a target that was skipped after all.
func (tx *Tx) removeEmptyFolders() {
	for _, d := range slices.Backward(tx.created) {
		tx.closeFolder(d)
		// From its parent, still open (deepest first): from the root,
		// each remove would walk the whole path again.
		if parent, ok := tx.folders[filepath.Dir(d)]; ok {
			_ = parent.Remove(filepath.Base(d)) // fails, as it should, on a folder with files
		} else {
			_ = tx.t.Remove(d)
		}
	}
	tx.created = nil
}

// Release ends the locked part of the Tx before something else works in
// the tree, such as a command a generation runs: it removes the lock files
// and the folders made for them that nothing was written in, and releases
// the locks, so the other program sees only what was committed. Nothing
// may be staged and not committed. Lock may be called again after it.
func (tx *Tx) Release() {
	tx.dropKept()
	tx.removeLockFiles() // first, or a folder made for a lock would not be empty
	tx.removeEmptyFolders()
	tx.unlock()
}

// Close syncs what was committed, removes anything staged but never
// committed and folders left empty, and releases the locks.
func (tx *Tx) Close() error {
	err := tx.Sync()
	tx.removeStaged()
	tx.dropKept()
	tx.removeLockFiles() // first, or a folder made for a lock would not be empty
	tx.removeEmptyFolders()
	tx.unlock()
	tx.closeFolders()
	if tx.root != nil {
		tx.root.Close()
		tx.root = nil
	}
	return err
}

// tempPrefix is how every temporary file of name starts; a random suffix
// follows, so concurrent writers never share one. A name too long to take
// the prefix and suffix within the file system's limit on a name (255
// bytes nearly everywhere) is cut, at a character's start: two such names
// may then share their temporaries' prefix, which only their folder's lock
// holder acts on (removeStale).
func tempPrefix(name string) string {
	base := filepath.Base(name)
	if room := maxName - len(".") - len(".hypergen-") - 12; len(base) > room {
		cut := room
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return filepath.Join(filepath.Dir(name), "."+base+".hypergen-")
}

// maxName is the longest file name, in bytes, that temporaries are kept
// within: NAME_MAX on Linux and the BSDs, and what NTFS and APFS allow of
// ASCII names.
const maxName = 255

func tempName(name string) string {
	var suffix [6]byte
	_, _ = rand.Read(suffix[:])
	return tempPrefix(name) + hex.EncodeToString(suffix[:])
}

// staleAge is how old another file's temporary must be before any run
// removes it: far longer than a write takes.
const staleAge = time.Hour

// removeStale removes, from one folder, the temporaries of the locked
// names in it (their writers are gone: the caller holds their locks) and any
// temporary older than staleAge, such as those a killed run left. Names
// only are read: a file system without entry types would otherwise stat
// every file of the folder.
func (tx *Tx) removeStale(folder string, locked []string) {
	dir, err := tx.folder(folder, false)
	if err != nil {
		return
	}
	f, err := dir.Open(".")
	if err != nil {
		return
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	own := make([]string, len(locked))
	for i, name := range locked {
		own[i] = filepath.Base(tempPrefix(name))
	}
	for _, n := range names {
		if !IsTemp(n) {
			continue
		}
		if !slices.ContainsFunc(own, func(p string) bool { return strings.HasPrefix(n, p) }) {
			info, err := dir.Stat(n)
			if err != nil || time.Since(info.ModTime()) < staleAge {
				continue
			}
		}
		_ = dir.Remove(n)
	}
}

// IsTemp reports whether a file name is one of this package's temporaries:
// ".NAME.hypergen-" and 12 hex digits.
func IsTemp(n string) bool {
	i := strings.LastIndex(n, ".hypergen-")
	if !strings.HasPrefix(n, ".") || i < 1 || len(n)-i-len(".hypergen-") != 12 {
		return false
	}
	_, err := hex.DecodeString(n[i+len(".hypergen-"):])
	return err == nil
}
