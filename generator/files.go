package generator

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dlclark/regexp2/v2"
	ignore "github.com/sabhiram/go-gitignore"

	"github.com/hypergen-dev/hypergen/internal/order"
)

// ignoredSuffixes are dropped by an ends-with test, as hygen does, so
// "myindex.js" is dropped too.
var ignoredSuffixes = []string{
	"prompt.js", "index.js", "prompt.ts", "index.ts", ".hygenignore",
	".DS_Store", ".Spotlight-V100", ".Trashes", "ehthumbs.db", "Thumbs.db",
}

// IgnoreFile holds gitignore-style rules for its folder and below.
const IgnoreFile = ".hygenignore"

// listActionFiles returns the template files of an action folder in the
// order hygen processes them: walked recursively honouring .hygenignore,
// sorted with localeCompare, known non-templates dropped, and filtered by the
// subaction pattern when one is given.
func listActionFiles(folder string, sub string, hasSub bool) ([]string, error) {
	files, err := walk(folder)
	if err != nil {
		return nil, err
	}
	order.Sort(files)
	var re *regexp2.Regexp
	if hasSub {
		re, err = regexp2.Compile(sub, regexp2.ECMAScript)
		if err != nil {
			return nil, &UsageError{Msg: fmt.Sprintf("invalid subaction pattern %q: %v", sub, err)}
		}
	}
	kept := files[:0]
	for _, f := range files {
		if hasIgnoredSuffix(f) {
			continue
		}
		if re != nil {
			// hygen matches the path relative to the action folder, which
			// starts with a slash.
			if ok, _ := re.MatchString(strings.Replace(f, folder, "", 1)); !ok {
				continue
			}
		}
		kept = append(kept, f)
	}
	return kept, nil
}

func hasIgnoredSuffix(f string) bool {
	for _, s := range ignoredSuffixes {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	return false
}

type ignoreRules struct {
	dir   string
	rules *ignore.GitIgnore
}

// walk lists the files below root, as absolute paths, applying each folder's
// .hygenignore to that folder and everything below it.
func walk(root string) ([]string, error) {
	var out []string
	var stack []ignoreRules
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for len(stack) > 0 && !within(stack[len(stack)-1].dir, p) {
			stack = stack[:len(stack)-1]
		}
		if p != root && ignored(stack, p, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if r, err := readIgnore(p); err != nil {
				return err
			} else if r != nil {
				stack = append(stack, ignoreRules{dir: p, rules: r})
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err != nil || st.IsDir() {
				return nil // dangling links and linked folders are not followed
			}
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing templates in %s: %w", root, err)
	}
	return out, nil
}

func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

func ignored(stack []ignoreRules, p string, isDir bool) bool {
	for _, r := range stack {
		rel, err := filepath.Rel(r.dir, p)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		if isDir {
			rel += "/"
		}
		if r.rules.MatchesPath(rel) {
			return true
		}
	}
	return false
}

func readIgnore(dir string) (*ignore.GitIgnore, error) {
	raw, err := os.ReadFile(filepath.Join(dir, IgnoreFile))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	return ignore.CompileIgnoreLines(strings.Split(string(raw), "\n")...), nil
}
