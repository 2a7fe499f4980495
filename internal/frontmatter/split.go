package frontmatter

import (
	"strings"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// Split is a template file cut at its frontmatter fence.
type Split struct {
	YAML      string // the frontmatter text, trimmed as front-matter trims it
	Body      string // the template body
	BodyLine  int    // 1-based line of the file on which Body starts
	HasFences bool   // whether a frontmatter block was found at all
}

// SplitText finds the frontmatter block of a template file.
func SplitText(text string) Split {
	first := text
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = strings.TrimSuffix(first[:i], "\r")
	}
	// front-matter only looks for a block when the first line mentions a fence
	// anywhere in it (an unanchored test).
	if !strings.Contains(first, "---") && !strings.Contains(first, "= yaml =") {
		return Split{Body: text, BodyLine: 1}
	}
	start, end, content, ok := findBlock(text)
	if !ok {
		return Split{Body: text, BodyLine: 1}
	}
	match := text[start:end]
	return Split{
		YAML:      strings.TrimFunc(content, jsvalue.IsSpace),
		Body:      strings.Replace(text, match, "", 1),
		BodyLine:  lineAfter(text, end),
		HasFences: true,
	}
}

// findBlock returns the first block, in the leftmost-match sense of
// front-matter's multi-line pattern: a line that is exactly a fence (optionally
// preceded by a BOM), the shortest content up to a line starting with the same
// fence or "...", then any whitespace up to a line end, then one "\n".
func findBlock(s string) (start, end int, content string, ok bool) {
	for p := 0; p <= len(s); p++ {
		if p > 0 && !isLineTerminatorBefore(s, p) {
			continue
		}
		q := p
		if strings.HasPrefix(s[q:], "\uFEFF") {
			q += len("\uFEFF")
		}
		for _, fence := range []string{"= yaml =", "---"} {
			if !strings.HasPrefix(s[q:], fence) {
				continue
			}
			r := q + len(fence)
			if !atLineEnd(s, r) {
				continue
			}
			if e, ok := findClose(s, r, fence); ok {
				return p, e.end, s[r:e.contentEnd], true
			}
		}
	}
	return 0, 0, "", false
}

type closing struct{ contentEnd, end int }

func findClose(s string, from int, fence string) (closing, bool) {
	for e := from + 1; e <= len(s); e++ {
		if !isLineTerminatorBefore(s, e) {
			continue
		}
		for _, c := range []string{fence, "..."} {
			if !strings.HasPrefix(s[e:], c) {
				continue
			}
			t := e + len(c)
			k, ok := trailingSpaceToLineEnd(s, t)
			if !ok {
				continue
			}
			end := t + k
			if end < len(s) && s[end] == '\n' {
				end++
			}
			return closing{contentEnd: e, end: end}, true
		}
	}
	return closing{}, false
}

// trailingSpaceToLineEnd emulates `\s*$` with backtracking: the longest run of
// whitespace starting at t that ends at a line end or the end of the text.
func trailingSpaceToLineEnd(s string, t int) (int, bool) {
	best := -1
	i := t
	for {
		if atLineEnd(s, i) {
			best = i - t
		}
		if i >= len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !jsvalue.IsSpace(r) {
			break
		}
		i += size
	}
	return best, best >= 0
}

func atLineEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLineTerminator(r)
}

func isLineTerminatorBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isLineTerminator(r)
}

func isLineTerminator(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

// lineAfter is the 1-based line number of the text at byte offset off.
func lineAfter(s string, off int) int {
	return strings.Count(s[:off], "\n") + 1
}
