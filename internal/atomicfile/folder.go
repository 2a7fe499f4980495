package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A Tx opens each folder it works in once and does every operation there
// on a bare file name. Confined to an os.Root, an operation on a deep path
// costs one openat per path element; a folder's own *os.Root pays that once
// per run instead of once per stat, open, rename and remove of each file.

// prefixTree is a folder of the whole file system: names join its path.
type prefixTree string

func (p prefixTree) join(name string) string { return filepath.Join(string(p), name) }
func (p prefixTree) Mkdir(name string, perm os.FileMode) error {
	return os.Mkdir(p.join(name), perm)
}
func (p prefixTree) OpenFile(name string, flag int, perm os.FileMode) (*os.File, error) {
	return os.OpenFile(p.join(name), flag, perm)
}
func (p prefixTree) Open(name string) (*os.File, error) { return os.Open(p.join(name)) }
func (p prefixTree) Remove(name string) error           { return os.Remove(p.join(name)) }
func (p prefixTree) Rename(oldname, newname string) error {
	return os.Rename(p.join(oldname), p.join(newname))
}
func (p prefixTree) Stat(name string) (os.FileInfo, error) { return os.Stat(p.join(name)) }
func (p prefixTree) Lstat(name string) (os.FileInfo, error) {
	return os.Lstat(p.join(name))
}
func (p prefixTree) Link(oldname, newname string) error {
	return os.Link(p.join(oldname), p.join(newname))
}

// folder returns the open folder dir (a name in the Tx's tree), creating it
// and its missing parents when create is set; each folder made is
// remembered so a rollback can remove it.
func (tx *Tx) folder(dir string, create bool) (tree, error) {
	if t, ok := tx.folders[dir]; ok {
		return t, nil
	}
	t, err := tx.openFolder(dir)
	if errors.Is(err, fs.ErrNotExist) && create {
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, err
		}
		pt, perr := tx.folder(parent, true)
		if perr != nil {
			return nil, perr
		}
		if merr := pt.Mkdir(filepath.Base(dir), 0o777); merr == nil {
			tx.created = append(tx.created, dir)
		} else if !errors.Is(merr, fs.ErrExist) {
			return nil, fmt.Errorf("creating %s: %w", dir, merr)
		}
		if r, ok := pt.(*os.Root); ok {
			// From its parent: one openat, where opening dir from the
			// root walks every element again, which made a deep new
			// path cost the square of its depth.
			t, err = r.OpenRoot(filepath.Base(dir))
		} else {
			t, err = tx.openFolder(dir)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("opening the folder %s: %w", dir, err)
	}
	tx.folders[dir] = t
	return t, nil
}

func (tx *Tx) openFolder(dir string) (tree, error) {
	if tx.root == nil {
		st, err := os.Stat(dir)
		if err == nil && !st.IsDir() {
			err = fmt.Errorf("%s is a file", dir)
		}
		return prefixTree(dir), err
	}
	if dir == "." {
		return tx.root, nil
	}
	return tx.root.OpenRoot(dir)
}

// in returns the open folder of name and name's last element.
func (tx *Tx) in(name string, create bool) (tree, string, error) {
	t, err := tx.folder(filepath.Dir(name), create)
	return t, filepath.Base(name), err
}

// closeFolder closes a folder opened by folder, so it can be removed (a
// folder with an open handle cannot be, on Windows).
func (tx *Tx) closeFolder(dir string) {
	if r, ok := tx.folders[dir].(*os.Root); ok && r != tx.root {
		r.Close()
	}
	delete(tx.folders, dir)
	if f, ok := tx.dirFDs[dir]; ok {
		f.Close()
		delete(tx.dirFDs, dir)
	}
}

func (tx *Tx) closeFolders() {
	for d := range tx.folders {
		tx.closeFolder(d)
	}
}
