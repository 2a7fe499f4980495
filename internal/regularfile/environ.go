package regularfile

import (
	"fmt"
	"path/filepath"
	"strings"
)

// CheckEnviron refuses file when it is, links resolved, the environment of
// a process or thread under /proc: a regular file to stat, it holds the
// credentials that the process.env templates and hooks see leaves out, so
// nothing a template prints may come from it (an EJS or Liquid include, a
// from: file, a hook's fs).
func CheckEnviron(file string) error {
	real := file
	if r, err := filepath.EvalSymlinks(file); err == nil {
		real = r
	}
	parts := strings.Split(filepath.ToSlash(real), "/")
	if n := len(parts); n >= 4 && parts[1] == "proc" && parts[n-1] == "environ" {
		return fmt.Errorf("%s is a process's environment, which templates may not read", file)
	}
	return nil
}
