package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// defaultTemplatesDir is the folder hygen looks for templates in, in the
// folder it runs in.
const defaultTemplatesDir = "_templates"

// DefaultAction is the action hygen falls back to when the requested one does
// not exist: `hygen gen Name` runs gen/_default with name Name.
const DefaultAction = "_default"

// TemplatesRoot returns the templates folder hygen would use, in the form
// hygen hands to templates: the explicit override (made absolute), else
// $HYGEN_TMPLS exactly as given (a relative value stays relative to cwd),
// then <cwd>/_templates; "" when none exists. An override that is not a
// folder gives "", never another root: a service that names its own
// templates must not run the project's when its folder has gone.
func TemplatesRoot(cwd, override string, getenv func(string) string) string {
	if override != "" {
		if root := absUnder(cwd, override); isDir(root) {
			return root
		}
		return ""
	}
	for _, c := range []string{getenv("HYGEN_TMPLS"), filepath.Join(cwd, defaultTemplatesDir)} {
		if c != "" && isDir(absUnder(cwd, c)) {
			return c
		}
	}
	return ""
}

// NoTemplates says why no templates root was found in cwd: it names
// HYGEN_TMPLS's value when that is set (and so cannot be the fix).
func NoTemplates(cwd string, getenv func(string) string) string {
	local := filepath.Join(cwd, defaultTemplatesDir)
	if v := getenv("HYGEN_TMPLS"); v != "" {
		return fmt.Sprintf("no templates found: HYGEN_TMPLS=%q is not a folder, and %s does not exist", v, local)
	}
	return "no templates found: set HYGEN_TMPLS or create " + local
}

// PassedOverHygenTmpls returns HYGEN_TMPLS's value when root, the templates
// root found for cwd without an override, is the ./_templates hygen falls
// back to because HYGEN_TMPLS is set but not a folder; "" otherwise (unset,
// a folder, or a root .hygen.js chose). Generation and perf optimize warn
// with it.
func PassedOverHygenTmpls(cwd, root string, getenv func(string) string) string {
	v := getenv("HYGEN_TMPLS")
	if v == "" || isDir(absUnder(cwd, v)) || absUnder(cwd, root) != filepath.Join(cwd, defaultTemplatesDir) {
		return ""
	}
	return v
}

// absUnder resolves p against dir unless it is already absolute.
func absUnder(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// target is what the positionals name.
type target struct {
	generator, action, name string
	hasName                 bool
	nameValue               any // the positional as parsed (a number stays a number)
}

// resolvePositionals maps `GEN ACTION NAME` to a folder exactly as hygen does:
// GEN/ACTION if that folder exists (ACTION still including any ":sub"),
// otherwise GEN/_default with the second positional as the name.
func resolvePositionals(templates string, pos []any) target {
	str := func(i int) (string, bool) {
		if i >= len(pos) || !jsvalue.Truthy(pos[i]) {
			return "", false
		}
		return jsvalue.ToString(pos[i]), true
	}
	gen, hasGen := str(0)
	action, hasAction := str(1)
	t := target{generator: gen, action: action}
	if i := 2; i < len(pos) {
		t.nameValue = pos[i]
		t.name, t.hasName = str(i)
	}
	if hasGen && hasAction && exists(filepath.Join(templates, gen, action)) {
		return t
	}
	if hasGen && isDir(filepath.Join(templates, gen, DefaultAction)) {
		t.action = DefaultAction
		t.name, t.hasName, t.nameValue = action, hasAction, nil
		if len(pos) > 1 {
			t.nameValue = pos[1]
		}
	}
	return t
}

// splitAction separates "new:regex" into the folder name and the subaction
// pattern (JavaScript's split(':') keeps only the second piece).
func splitAction(action string) (folder, sub string, hasSub bool) {
	parts := strings.Split(action, ":")
	if len(parts) > 1 {
		return parts[0], parts[1], true
	}
	return parts[0], "", false
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// exists is hygen's fs.existsSync: a file named like the action counts, so
// the action fails on it as in hygen instead of falling back to _default.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
