package nodepath

import (
	"strings"
	"unicode/utf16"
)

// Sep and Delimiter are path.sep and path.delimiter.
const (
	Sep       = "/"
	Delimiter = ":"
)

// normalizeSegments resolves "." and ".." in p, which must not start with a
// slash. Above the root, ".." is kept only when allowAboveRoot.
func normalizeSegments(p string, allowAboveRoot bool) string {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(out) > 0 && out[len(out)-1] != ".." {
				out = out[:len(out)-1]
			} else if allowAboveRoot {
				out = append(out, "..")
			}
		default:
			out = append(out, seg)
		}
	}
	return strings.Join(out, "/")
}

// IsAbsolute is path.isAbsolute.
func IsAbsolute(p string) bool { return strings.HasPrefix(p, "/") }

// Normalize is path.normalize.
func Normalize(p string) string {
	if p == "" {
		return "."
	}
	abs := IsAbsolute(p)
	n := normalizeSegments(p, !abs)
	if n == "" && !abs {
		n = "."
	}
	if n != "" && strings.HasSuffix(p, "/") {
		n += "/"
	}
	if abs {
		return "/" + n
	}
	return n
}

// Join is path.join.
func Join(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return "."
	}
	return Normalize(strings.Join(kept, "/"))
}

// Resolve is path.resolve with cwd as the process's working directory.
func Resolve(cwd string, parts ...string) string {
	resolved := ""
	abs := false
	for i := len(parts) - 1; i >= -1 && !abs; i-- {
		p := cwd
		if i >= 0 {
			p = parts[i]
		}
		if p == "" {
			continue
		}
		resolved = p + "/" + resolved
		abs = IsAbsolute(p)
	}
	n := normalizeSegments(resolved, !abs)
	if abs {
		return "/" + n
	}
	if n == "" {
		return "."
	}
	return n
}

// Relative is path.relative.
func Relative(cwd, from, to string) string {
	if from == to {
		return ""
	}
	from, to = Resolve(cwd, from), Resolve(cwd, to)
	if from == to {
		return ""
	}
	fs, ts := segments(from), segments(to)
	i := 0
	for i < len(fs) && i < len(ts) && fs[i] == ts[i] {
		i++
	}
	up := make([]string, 0, len(fs)-i+len(ts)-i)
	for range fs[i:] {
		up = append(up, "..")
	}
	return strings.Join(append(up, ts[i:]...), "/")
}

func segments(abs string) []string {
	if abs == "/" {
		return nil
	}
	return strings.Split(abs[1:], "/")
}

// Dirname is path.dirname.
func Dirname(p string) string {
	if p == "" {
		return "."
	}
	root := p[0] == '/'
	end := -1
	matchedSlash := true
	for i := len(p) - 1; i >= 1; i-- {
		if p[i] == '/' {
			if !matchedSlash {
				end = i
				break
			}
		} else {
			matchedSlash = false
		}
	}
	switch {
	case end == -1 && root:
		return "/"
	case end == -1:
		return "."
	case root && end == 1:
		return "//"
	}
	return p[:end]
}

// lastSegment is the final path segment without trailing slashes.
func lastSegment(p string) string {
	p = strings.TrimRight(p, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Basename is path.basename; ext, when a suffix of the name, is removed.
// It is Node's loop, in UTF-16 units as Node counts them, because its
// corners are not "strip the suffix from the last segment": a suffix that is
// the whole name is kept ("/x/foo.js", "foo.js" gives "foo.js"), one that
// matches the name only in part keeps the trailing slashes ("b/", "ab" gives
// "b/"), and "/" with any suffix is "/".
func Basename(p, ext string) string {
	if ext == "" {
		return lastSegment(p)
	}
	path, suffix := utf16.Encode([]rune(p)), utf16.Encode([]rune(ext))
	if len(suffix) > len(path) {
		return lastSegment(p)
	}
	if p == ext {
		return ""
	}
	start, end := 0, -1
	matchedSlash := true
	extIdx, firstNonSlashEnd := len(suffix)-1, -1
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			if !matchedSlash {
				start = i + 1
				break
			}
			continue
		}
		if firstNonSlashEnd == -1 {
			matchedSlash = false
			firstNonSlashEnd = i + 1
		}
		if extIdx >= 0 {
			if path[i] == suffix[extIdx] {
				if extIdx--; extIdx == -1 {
					end = i
				}
			} else {
				extIdx = -1
				end = firstNonSlashEnd
			}
		}
	}
	if start == end {
		end = firstNonSlashEnd
	} else if end == -1 {
		end = len(path)
	}
	return string(utf16.Decode(path[start:end]))
}

// Extname is path.extname.
func Extname(p string) string {
	base := lastSegment(p)
	dot := strings.LastIndexByte(base, '.')
	// A leading dot names a dotfile, not an extension; ".." has none either.
	if dot <= 0 || base == ".." {
		return ""
	}
	return base[dot:]
}

// Parsed is the result of path.parse.
type Parsed struct{ Root, Dir, Base, Ext, Name string }

// Parse is path.parse.
func Parse(p string) Parsed {
	if p == "" {
		return Parsed{}
	}
	out := Parsed{Base: lastSegment(p), Ext: Extname(p)}
	if IsAbsolute(p) {
		out.Root = "/"
	}
	trimmed := strings.TrimRight(p, "/")
	if trimmed == "/.." {
		// Node's parse (unlike its extname) sees an extension in a ".." directly
		// under the root.
		out.Ext = "."
	}
	out.Name = strings.TrimSuffix(out.Base, out.Ext)
	switch i := strings.LastIndexByte(trimmed, '/'); {
	case trimmed == "":
		out.Dir = "/"
	case i > 0:
		out.Dir = trimmed[:i]
	case i == 0:
		out.Dir = "/"
	}
	return out
}

// Format is path.format.
func Format(f Parsed) string {
	dir := f.Dir
	if dir == "" {
		dir = f.Root
	}
	base := f.Base
	if base == "" {
		ext := f.Ext
		if ext != "" && ext[0] != '.' {
			ext = "." + ext
		}
		base = f.Name + ext
	}
	switch {
	case dir == "":
		return base
	case dir == f.Root:
		return dir + base
	}
	return dir + "/" + base
}
