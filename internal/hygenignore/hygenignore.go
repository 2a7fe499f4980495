package hygenignore

import (
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Rules are the rules of one .hygenignore file.
type Rules struct{ rules []rule }

type rule struct {
	pattern string // lower-cased, its leading "!"s removed
	negate  bool   // an odd number of leading "!": takes back what earlier rules left out
	base    bool   // no slash: matched against the last name of a path (matchBase)
}

// Parse reads the text of a .hygenignore file: one rule per line, blank
// lines and lines starting with # skipped, each line trimmed.
func Parse(text string) *Rules {
	var rs Rules
	for _, line := range strings.Split(text, "\n") {
		p := strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if p == "" || strings.HasPrefix(p, "#") {
			continue
		}
		bangs := len(p) - len(strings.TrimLeft(p, "!"))
		p = strings.ToLower(p[bangs:])
		rs.rules = append(rs.rules, rule{pattern: p, negate: bangs%2 == 1, base: !strings.Contains(p, "/")})
	}
	return &rs
}

// match is minimatch's match of a path, lower-cased, against the rule's
// pattern (the negation aside).
func (r rule) match(p string) bool {
	if r.base {
		p = strings.TrimRight(p, "/")
		return doublestar.MatchUnvalidated(r.pattern, p[strings.LastIndexByte(p, '/')+1:])
	}
	if strings.HasSuffix(p, "/") && !strings.HasSuffix(r.pattern, "/") {
		// A path's trailing slash is an empty last segment, which a
		// pattern may leave unmatched.
		p = p[:len(p)-1]
	}
	return doublestar.MatchUnvalidated(r.pattern, p)
}

// matchPartial is minimatch's partial match: whether folder p, lower-cased,
// could lead to a path the pattern matches.
func (r rule) matchPartial(p string) bool {
	if r.base {
		return r.match(p)
	}
	pats := strings.Split(r.pattern, "/")
	for i, seg := range strings.Split(p, "/") {
		if i >= len(pats) {
			return false
		}
		if pats[i] == "**" {
			return true
		}
		if !doublestar.MatchUnvalidated(pats[i], seg) {
			return false
		}
	}
	return true
}

// Frame is one folder's rules.
type Frame struct {
	Dir   string
	Rules *Rules
}

// Included reports whether path, a file or (with dir) a folder, is listed:
// frames are the rules of the folders above it, outermost first. A folder
// that is not listed is not walked.
func Included(frames []Frame, path string, dir bool) bool {
	included := true
	for _, f := range frames {
		rel, err := filepath.Rel(f.Dir, path)
		if err != nil {
			continue
		}
		rel = strings.ToLower(filepath.ToSlash(rel)) // nocase: the patterns are lower-cased too
		for _, r := range f.Rules.rules {
			if r.negate == included {
				continue // it could not change the answer
			}
			if r.match("/"+rel) || r.match(rel) ||
				dir && (r.match("/"+rel+"/") || r.match(rel+"/")) ||
				dir && r.negate && (r.matchPartial("/"+rel) || r.matchPartial(rel)) {
				included = r.negate
			}
		}
	}
	return included
}
