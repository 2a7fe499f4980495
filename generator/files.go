package generator

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"

	"github.com/hypergen-dev/hypergen/internal/hygenignore"
	"github.com/hypergen-dev/hypergen/internal/jsregexp"
	"github.com/hypergen-dev/hypergen/internal/order"
	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// ignoredSuffixes are dropped by an ends-with test, as hygen does, so
// "myindex.js" is dropped too.
var ignoredSuffixes = []string{
	"prompt.js", "index.js", "prompt.ts", "index.ts", ".hygenignore",
	".DS_Store", ".Spotlight-V100", ".Trashes", "ehthumbs.db", "Thumbs.db",
}

// IgnoreFile holds rules for its folder and below (package hygenignore).
const IgnoreFile = ".hygenignore"

// Index remembers action folders' listings across runs, so a cold process
// need not walk and sort (internal/diskindex is the persistent one). An index
// must return a listing only while it still matches the disk.
type Index interface {
	// Listing returns an action folder's files, in hygen order, if known.
	Listing(folder string) (files []string, ok bool)
	// PutListing records a listing and the folders and ignore files it was
	// derived from: a change to any of them invalidates it.
	PutListing(folder string, files, deps []string)
}

// listActionFiles returns the template files of an action folder in the
// order hygen processes them: walked recursively honouring .hygenignore,
// sorted with localeCompare, known non-templates dropped, and filtered by the
// subaction pattern when one is given. idx may be nil.
func listActionFiles(ctx context.Context, folder string, sub string, hasSub bool, idx Index, limit time.Duration) ([]string, error) {
	var re *regexp2.Regexp
	if hasSub {
		var err error
		re, err = jsregexp.Compile(sub, "", limit) // hygen: file.match(subaction)
		if err != nil {
			return nil, &UsageError{Msg: fmt.Sprintf("invalid subaction pattern %q: %v", sub, err)}
		}
	}
	files, ok := []string(nil), false
	if idx != nil {
		files, ok = idx.Listing(folder)
	}
	if !ok {
		var deps []string
		var err error
		if files, deps, err = orderedFiles(folder); err != nil {
			return nil, err
		}
		if idx != nil && deps != nil {
			idx.PutListing(folder, files, deps)
		}
	}
	if re == nil {
		return files, nil
	}
	kept := make([]string, 0, len(files)) // files may be the index's own listing
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// hygen matches the path relative to the action folder, which
		// starts with a slash.
		ok, err := re.MatchString(strings.Replace(f, folder, "", 1))
		if err != nil {
			return nil, fmt.Errorf("subaction pattern %q: %w", sub, regexError(re, limit, err))
		}
		if ok {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// orderedFiles walks an action folder and returns its templates in hygen
// order, and what the listing depends on (nil when it cannot be described
// that way, see walk).
func orderedFiles(folder string) (files, deps []string, err error) {
	all, deps, err := walk(folder)
	if err != nil {
		return nil, nil, err
	}
	order.Sort(all)
	for _, f := range all {
		if !hasIgnoredSuffix(f) {
			files = append(files, f)
		}
	}
	return files, deps, nil
}

func hasIgnoredSuffix(f string) bool {
	for _, s := range ignoredSuffixes {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	return false
}

// walk lists the files below root, as absolute paths, applying each folder's
// .hygenignore to that folder and everything below it. deps are the folders
// walked and the ignore files read: the listing changes only if one of them
// does. A symbolic link's target can change without any of them changing, so
// a walk that meets one returns nil deps. A link to a folder or to nothing is
// an error, as in hygen.
//
// The action folder itself may be a link to a folder (hygen reads through
// it): it is walked through the link, its files named below the link.
func walk(root string) (out, deps []string, err error) {
	var stack []hygenignore.Frame
	links := false
	start := root
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		links = true
		start = root + string(filepath.Separator) // WalkDir follows a link named with a final separator
	}
	err = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for len(stack) > 0 && !within(stack[len(stack)-1].Dir, p) {
			stack = stack[:len(stack)-1]
		}
		if p != start && !hygenignore.Included(stack, p, d.IsDir()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p == start {
				p = root // without the separator that made WalkDir follow it
			}
			deps = append(deps, p)
			if r, err := readIgnore(p); err != nil {
				return err
			} else if r != nil {
				stack = append(stack, hygenignore.Frame{Dir: p, Rules: r})
				deps = append(deps, filepath.Join(p, IgnoreFile))
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			links = true
			// hygen reads every file it lists, and fails on a link to a
			// folder (EISDIR) or to nothing (ENOENT), writing nothing.
			st, err := os.Stat(p)
			switch {
			case err != nil:
				return fmt.Errorf("%s is a symbolic link that leads nowhere: %w", p, err)
			case st.IsDir():
				return fmt.Errorf("%s is a symbolic link to a folder, not a template file", p)
			}
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("listing templates in %s: %w", root, err)
	}
	if links {
		deps = nil
	}
	return out, deps, nil
}

func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

func readIgnore(dir string) (*hygenignore.Rules, error) {
	raw, err := regularfile.ReadFile(filepath.Join(dir, IgnoreFile))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	return hygenignore.Parse(string(raw)), nil
}
