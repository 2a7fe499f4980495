package noderesolve

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Conditions are the "exports" conditions require() matches, in Node's
// order of preference within each object (the object's own key order wins).
var Conditions = []string{"require", "node", "node-addons", "default"}

// NotFoundError is a require(id) that no file answers.
type NotFoundError struct {
	ID   string // what was required
	From string // the folder of the requiring module
	// Package is the package folder whose package.json pointed nowhere, or
	// whose "exports" does not export the requested subpath ("" otherwise).
	Package string
	Reason  string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("cannot find module %q from %s", e.ID, e.From)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Resolve returns the real path of the file require(id) loads from a module
// in folder from. id must not name a core module (see IsBuiltin). A package
// that no node_modules folder above from holds is looked for in the global
// folders, as Node's require does last (NODE_PATH's folders, then the
// user's: see Module.globalPaths); global, which lists them, is called only
// then, and may be nil.
func Resolve(from, id string, global func() []string) (string, error) {
	notFound := &NotFoundError{ID: id, From: from}
	var file string
	var err error
	switch {
	case id == "":
		return "", errors.New("require: the module name is empty")
	case id == "." || id == ".." || strings.HasPrefix(id, "./") || strings.HasPrefix(id, "../") || filepath.IsAbs(id):
		// Resolved lexically, as Node's path.resolve does: "/a/link/../b"
		// is /a/b whatever the link leads to.
		p := filepath.Clean(id)
		if !filepath.IsAbs(p) {
			p = filepath.Join(from, id)
		}
		file, err = loadFileOrDir(p)
	case strings.HasPrefix(id, "#"):
		file, err = resolveImports(from, id)
	default:
		file, err = loadNodeModules(from, id)
		if file == "" && err == nil && global != nil {
			file, err = loadGlobal(global(), id)
		}
	}
	if err != nil {
		return "", err
	}
	if file == "" {
		return "", notFound
	}
	if real, err := filepath.EvalSymlinks(file); err == nil {
		file = real // as Node does: a module is known by its real path
	}
	return file, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// loadFileOrDir is LOAD_AS_FILE then LOAD_AS_DIRECTORY.
func loadFileOrDir(p string) (string, error) {
	if f := loadFile(p); f != "" {
		return f, nil
	}
	return loadDir(p)
}

func loadFile(p string) string {
	for _, c := range []string{p, p + ".js", p + ".json", p + ".node"} {
		if isFile(c) {
			return c
		}
	}
	return ""
}

func loadIndex(p string) string {
	for _, c := range []string{"index.js", "index.json", "index.node"} {
		if f := filepath.Join(p, c); isFile(f) {
			return f
		}
	}
	return ""
}

// manifest is the part of package.json that resolution reads.
type manifest struct {
	Main    string          `json:"main"`
	Exports json.RawMessage `json:"exports"`
	Imports json.RawMessage `json:"imports"`
	Type    string          `json:"type"`
}

func readManifest(dir string) (*manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: invalid package.json: %w", filepath.Join(dir, "package.json"), err)
	}
	return &m, nil
}

func loadDir(p string) (string, error) {
	m, err := readManifest(p)
	if err != nil {
		return "", err
	}
	if m != nil && m.Main != "" {
		main := filepath.Join(p, m.Main)
		if f := loadFile(main); f != "" {
			return f, nil
		}
		if f := loadIndex(main); f != "" {
			return f, nil
		}
	}
	return loadIndex(p), nil
}

// splitPackage splits "name/sub" or "@scope/name/sub" into the package
// name and the subpath ("" for the package itself).
func splitPackage(id string) (name, sub string) {
	parts := strings.SplitN(id, "/", 3)
	if strings.HasPrefix(id, "@") && len(parts) >= 2 {
		name = parts[0] + "/" + parts[1]
		if len(parts) == 3 {
			sub = parts[2]
		}
		return name, sub
	}
	name, sub, _ = strings.Cut(id, "/")
	return name, sub
}

// loadNodeModules looks for id in node_modules folders from `from` upward.
func loadNodeModules(from, id string) (string, error) {
	name, sub := splitPackage(id)
	for nm := range NodeModulesFolders(from) {
		if f, err := loadPackage(nm, id, name, sub); f != "" || err != nil {
			return f, err
		}
	}
	return "", nil
}

// NodeModulesFolders yields the node_modules folders a package required
// from the absolute, clean folder dir is looked for in, nearest first, as
// Node's Module._nodeModulePaths lists them: dir's and each parent's,
// leaving out that of a node_modules folder (node_modules/node_modules).
func NodeModulesFolders(dir string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for {
			if filepath.Base(dir) != "node_modules" && !yield(filepath.Join(dir, "node_modules")) {
				return
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return
			}
			dir = parent
		}
	}
}

// loadGlobal looks for id in each global folder, as in a node_modules one.
func loadGlobal(folders []string, id string) (string, error) {
	name, sub := splitPackage(id)
	for _, dir := range folders {
		if f, err := loadPackage(dir, id, name, sub); f != "" || err != nil {
			return f, err
		}
	}
	return "", nil
}

func loadPackage(nm, id, name, sub string) (string, error) {
	pkg := filepath.Join(nm, name)
	m, err := readManifest(pkg)
	if err != nil {
		return "", err
	}
	if m != nil && len(m.Exports) > 0 && string(m.Exports) != "null" {
		f, err := resolveExports(pkg, m.Exports, "."+strings.TrimSuffix("/"+sub, "/"))
		if err != nil {
			return "", &NotFoundError{ID: id, From: nm, Package: pkg, Reason: err.Error()}
		}
		if !isFile(f) {
			return "", &NotFoundError{ID: id, From: nm, Package: pkg, Reason: fmt.Sprintf("package.json \"exports\" points to %s, which does not exist", f)}
		}
		return f, nil
	}
	return loadFileOrDir(filepath.Join(nm, id))
}

// resolveExports maps a subpath ("." or "./x") through a package.json
// "exports" value.
func resolveExports(pkg string, raw json.RawMessage, subpath string) (string, error) {
	keys, obj, err := orderedObject(raw)
	if err != nil {
		return "", err
	}
	// A string, an array or an object of conditions all mean ".".
	if obj == nil || !slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, ".") }) {
		keys, obj = []string{"."}, map[string]json.RawMessage{".": raw}
	}
	target, star, ok := matchSubpath(keys, obj, subpath)
	if !ok {
		return "", fmt.Errorf("package subpath %q is not defined by \"exports\"", subpath)
	}
	f, err := resolveTarget(pkg, target, star, nil)
	if err == nil && f == "" {
		err = fmt.Errorf("package subpath %q is not exported (no matching condition among %s)", subpath, strings.Join(Conditions, ", "))
	}
	return f, err
}

// matchSubpath finds the entry of an "exports" or "imports" map for key:
// its own, else the pattern with the longest prefix before its "*" (star
// is what the "*" stands for).
func matchSubpath(keys []string, obj map[string]json.RawMessage, key string) (target json.RawMessage, star string, ok bool) {
	if target, ok := obj[key]; ok && !strings.Contains(key, "*") {
		return target, "", true
	}
	best, bestStar := "", ""
	for _, k := range keys {
		pre, post, ok := strings.Cut(k, "*")
		if !ok || !strings.HasPrefix(key, pre) || !strings.HasSuffix(key, post) || len(key) < len(k)-1 {
			continue
		}
		if len(pre) > len(best) || best == "" {
			best, bestStar = k, key[len(pre):len(key)-len(post)]
		}
	}
	if best == "" {
		return nil, "", false
	}
	return obj[best], bestStar, true
}

// resolveTarget resolves one "exports" or "imports" target: a "./path"
// string (with "*" replaced by star), an array of alternatives or an object
// of conditions; with bare (imports), a string naming a package resolves
// through it. "" with no error means no condition matched.
func resolveTarget(pkg string, raw json.RawMessage, star string, bare func(string) (string, error)) (string, error) {
	if strings.TrimSpace(string(raw)) == "null" {
		return "", nil // deliberately not exported
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		s = strings.ReplaceAll(s, "*", star)
		switch {
		case strings.HasPrefix(s, "./"):
			return filepath.Join(pkg, s), nil
		case bare != nil && !strings.HasPrefix(s, "../") && !strings.HasPrefix(s, "/") && !strings.Contains(s, ":"):
			return bare(s)
		}
		return "", fmt.Errorf("invalid target %q (targets start with ./)", s)
	}
	var arr []json.RawMessage
	if json.Unmarshal(raw, &arr) == nil {
		for _, t := range arr {
			if f, err := resolveTarget(pkg, t, star, bare); err == nil && f != "" {
				return f, nil
			}
		}
		return "", nil
	}
	keys, obj, err := orderedObject(raw)
	if err != nil || obj == nil {
		return "", err
	}
	for _, k := range keys {
		if slices.Contains(Conditions, k) {
			if f, err := resolveTarget(pkg, obj[k], star, bare); err != nil || f != "" {
				return f, err
			}
		}
	}
	return "", nil
}

// orderedObject decodes a JSON object keeping its key order, which decides
// among conditions; it returns nil for anything but an object.
func orderedObject(raw json.RawMessage) ([]string, map[string]json.RawMessage, error) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, fmt.Errorf("invalid package.json \"exports\": %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, nil, nil
	}
	var keys []string
	obj := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("invalid package.json \"exports\": %w", err)
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, fmt.Errorf("invalid package.json \"exports\": %w", err)
		}
		keys = append(keys, k)
		obj[k] = v
	}
	return keys, obj, nil
}

// PackageOf returns the name of the package that holds file (the folder
// after its last node_modules), or "" for a file outside node_modules.
func PackageOf(file string) string {
	i := strings.LastIndex(file, string(filepath.Separator)+"node_modules"+string(filepath.Separator))
	if i < 0 {
		return ""
	}
	name, _ := splitPackage(filepath.ToSlash(file[i+len("/node_modules/"):]))
	return name
}

// ModuleScope reports whether Node loads the .js file as an ES module: the
// nearest package.json above it (not looking past a node_modules folder)
// says "type": "module".
func ModuleScope(file string) bool {
	_, m, _ := packageScope(filepath.Dir(file))
	return m != nil && m.Type == "module"
}

// packageScope finds the package.json that governs folder dir: the nearest
// one above it, not looking past a node_modules folder. m is nil when
// there is none.
func packageScope(dir string) (pkg string, m *manifest, err error) {
	for {
		if m, err := readManifest(dir); m != nil || err != nil {
			return dir, m, err
		}
		parent := filepath.Dir(dir)
		if filepath.Base(dir) == "node_modules" || parent == dir {
			return "", nil, nil
		}
		dir = parent
	}
}

// resolveImports resolves a #name through the "imports" of the package
// that holds folder from, as Node's PACKAGE_IMPORTS_RESOLVE does: a target
// is a path in the package ("./…") or a package to resolve from it.
func resolveImports(from, id string) (string, error) {
	notFound := &NotFoundError{ID: id, From: from}
	if id == "#" || strings.HasPrefix(id, "#/") {
		notFound.Reason = "a #name must have a name after the #"
		return "", notFound
	}
	pkg, m, err := packageScope(from)
	if err != nil {
		return "", err
	}
	if m == nil || len(m.Imports) == 0 || string(m.Imports) == "null" {
		notFound.Reason = "no package.json above it defines \"imports\""
		return "", notFound
	}
	keys, obj, err := orderedObject(m.Imports)
	if err != nil || obj == nil {
		notFound.Reason = "its package.json \"imports\" is not an object"
		return "", notFound
	}
	bare := func(target string) (string, error) { return loadNodeModules(pkg, target) }
	target, star, ok := matchSubpath(keys, obj, id)
	if ok {
		f, err := resolveTarget(pkg, target, star, bare)
		if err != nil {
			return "", err
		}
		if f != "" && isFile(f) {
			return f, nil
		}
	}
	notFound.Package = pkg
	notFound.Reason = fmt.Sprintf("%s is not defined by the \"imports\" of %s", id, filepath.Join(pkg, "package.json"))
	return "", notFound
}
