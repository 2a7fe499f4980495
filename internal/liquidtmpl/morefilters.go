package liquidtmpl

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// moreFilters are liquidjs's filters that neither osteele/liquid nor
// Shopify's Liquid has (Jekyll's, mostly): a template that used one
// stopped with "undefined filter". Each gives what liquidjs 10.31 does.
func moreFilters() map[string]any {
	return map[string]any{
		"date_to_xmlschema":   func(v any) (any, error) { return date(v, "%Y-%m-%dT%H:%M:%S%:z") },
		"date_to_rfc822":      func(v any) (any, error) { return date(v, "%a, %d %b %Y %H:%M:%S %z") },
		"date_to_string":      func(v any, args ...any) (any, error) { return dateInWords(v, "%b", args) },
		"date_to_long_string": func(v any, args ...any) (any, error) { return dateInWords(v, "%B", args) },
		"jsonify":             jsonText,
		"to_integer":          func(v any) any { return whole(jsvalue.ToNumber(jsData(v))) },
		"xml_escape":          func(s string) string { return htmlEscaper.Replace(s) },
		"cgi_escape":          cgiEscape,
		"uri_escape":          uriEscape,
		"normalize_whitespace": func(s string) string {
			return jsSpaces().ReplaceAllString(s, " ")
		},
		"squish": func(s string) string {
			return strings.TrimFunc(jsSpaces().ReplaceAllString(s, " "), jsvalue.IsSpace)
		},
		"number_of_words": func(s string) int {
			if s = strings.TrimFunc(s, jsvalue.IsSpace); s == "" {
				return 0
			}
			return len(jsSpaces().Split(s, -1))
		},
		"array_to_sentence_string": sentence,
		"push":                     func(v, item any) []any { return append(items(v), item) },
		"unshift":                  func(v, item any) []any { return append([]any{item}, items(v)...) },
		"pop": func(v any) []any {
			l := items(v)
			return l[:max(len(l)-1, 0)]
		},
		"shift": func(v any) []any {
			l := items(v)
			return l[min(1, len(l)):]
		},
		"has": func(list any, prop string, want ...any) bool {
			_, ok := search(list, prop, want)
			return ok
		},
		"find_index": func(list any, prop string, want ...any) any {
			if i, ok := search(list, prop, want); ok {
				return i
			}
			return nil
		},
		// osteele/liquid has these three, with other results: see each.
		"strip_html":  stripHTML,
		"escape_once": escapeOnce,
		"url_decode":  urlDecode,
		"sha256":      func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) },
		"hmac_sha256": hmacSHA256,
	}
}

// htmlEscaper is liquidjs's escape, which xml_escape is.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

// jsSpaces is JavaScript's \s+.
var jsSpaces = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+`)
})

// dateInWords is date_to_string's and date_to_long_string's date: day,
// month (its abbreviation with short, its name with long) and year, or
// with "ordinal" the day's ordinal, before the month, or after it with
// "US".
func dateInWords(v any, month string, args []any) (any, error) {
	t, ok := timeOf(v)
	if !ok || v == nil {
		return v, nil
	}
	format := "%d " + month + " %Y"
	if optionalText(args, 0, "") == "ordinal" {
		day := strconv.Itoa(t.In(time.Local).Day())
		if optionalText(args, 1, "") == "US" {
			format = month + " " + day + "%q, %Y"
		} else {
			format = day + "%q " + month + " %Y"
		}
	}
	return date(v, format)
}

// cgiEscape is JavaScript's encodeURIComponent with spaces as + and
// !'()* escaped too, as liquidjs's cgi_escape.
func cgiEscape(s string) string { return percentEncode(s, "-_.~", true) }

// uriEscape is JavaScript's encodeURI, brackets kept, as liquidjs's
// uri_escape.
func uriEscape(s string) string { return percentEncode(s, "-_.!~*'();/?:@&=+$,#[]", false) }

// percentEncode writes each byte of s as %XX but ASCII letters and digits
// and the bytes in keep; with spaceAsPlus a space as +.
func percentEncode(s, keep string, spaceAsPlus bool) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c == ' ' && spaceAsPlus:
			b.WriteByte('+')
		case isAlnum(c) || strings.IndexByte(keep, c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return b.String()
}

func isAlnum(c byte) bool { return c < 0x80 && (unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))) }

// sentence is the items of a list written as a sentence: "a, b, and c",
// with connector ("and" by default) before the last.
func sentence(v any, args ...any) any {
	l := items(v)
	connector := optionalText(args, 0, "and")
	switch len(l) {
	case 0:
		return ""
	case 1:
		return l[0]
	case 2:
		return text(l[0]) + " " + connector + " " + text(l[1])
	}
	parts := make([]string, len(l)-1)
	for i, item := range l[:len(l)-1] {
		parts[i] = text(item)
	}
	return strings.Join(parts, ", ") + ", " + connector + " " + text(l[len(l)-1])
}

// search is the index of the first item of list whose property path
// equals want[0], or is truthy with no want.
func search(list any, path string, want []any) (int, bool) {
	for i, item := range items(list) {
		got := item
		for _, p := range strings.Split(path, ".") {
			got = prop(got, p)
		}
		if len(want) == 0 && got != nil && got != false || len(want) > 0 && jsEqual(got, want[0]) {
			return i, true
		}
	}
	return 0, false
}

func hmacSHA256(s, key string) string {
	h := hmac.New(sha256.New, []byte(key))
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

// stripHTML removes tags, comments and script and style elements whole,
// as liquidjs's strip_html: osteele/liquid's kept a script's text. What
// opens and is never closed is kept from there on (a "<" alone and what
// follows it); an opener of a kind never closed is then read as a plain
// tag.
func stripHTML(s string) string {
	type block struct{ open, close string }
	blocks := []block{{"<script", "</script>"}, {"<style", "</style>"}, {"<!--", "-->"}, {"<", ">"}}
	var b strings.Builder
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			b.WriteString(s[i:])
			break
		}
		lt += i
		b.WriteString(s[i:lt])
		next := -1
		for k := 0; k < len(blocks); k++ {
			bl := blocks[k]
			if !strings.HasPrefix(s[lt:], bl.open) {
				continue
			}
			if e := strings.Index(s[lt+len(bl.open):], bl.close); e >= 0 {
				next = lt + len(bl.open) + e + len(bl.close)
				break
			}
			// Never closed: not looked for again.
			blocks = append(blocks[:k:k], blocks[k+1:]...)
			k--
		}
		if next < 0 {
			b.WriteString(s[lt:])
			break
		}
		i = next
	}
	return b.String()
}

// escapeOnce escapes as escape does, but for an & that starts an entity
// already (&amp;, &foo;, &#39;), as liquidjs's escape_once: osteele/liquid's
// escaped the & of a name it did not know.
func escapeOnce(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&' && entityAt(s[i+1:]):
			b.WriteByte(c)
		case strings.IndexByte(`&<>"'`, c) >= 0:
			b.WriteString(htmlEscaper.Replace(s[i : i+1]))
		default:
			b.WriteByte(c) // a byte of a multi-byte character among them
		}
	}
	return b.String()
}

// entityAt says whether s starts with an entity's rest: letters or #
// and digits, then ;.
func entityAt(s string) bool {
	n := 0
	if strings.HasPrefix(s, "#") {
		for n = 1; n < len(s) && s[n] >= '0' && s[n] <= '9'; n++ {
		}
		return n > 1 && n < len(s) && s[n] == ';'
	}
	for ; n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z'); n++ {
	}
	return n > 0 && n < len(s) && s[n] == ';'
}

// urlDecode is + as a space and each run of %XX escapes decoded, as
// liquidjs's url_decode; an escape that is not one (%zz) stays as it is
// (osteele/liquid's failed on it), and a run that is no UTF-8 is
// JavaScript's URIError.
func urlDecode(s string) (string, error) {
	s = strings.ReplaceAll(s, "+", " ")
	var err error
	out := percentRuns().ReplaceAllStringFunc(s, func(run string) string {
		b, _ := hex.DecodeString(strings.ReplaceAll(run, "%", ""))
		if !utf8.Valid(b) {
			err = errors.New("URI malformed")
		}
		return string(b)
	})
	return out, err
}

var percentRuns = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:%[0-9A-Fa-f]{2})+`) })
