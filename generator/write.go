package generator

import (
	"path/filepath"
	"strings"
)

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

// insideDir reports whether p is dir or below it.
func insideDir(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// insideReal reports whether p is root or below it once symbolic links in
// both are resolved.
func insideReal(root, p string) bool {
	return insideDir(realPath(root), realPath(p))
}
