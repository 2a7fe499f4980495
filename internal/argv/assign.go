package argv

import (
	"slices"
	"strings"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// setArg stores val under key, which may be a dotted path, and under the
// key's camel-case alias. String values are coerced to numbers where they
// look like one.
func (p *parser) setArg(key string, val any) {
	if strings.Contains(key, "-") {
		p.link(key, camelCasePath(key))
	}
	if s, ok := val.(string); ok {
		val = coerce(s)
		p.text[key] = append(p.text[key], s)
	}
	path := keyPath(key)
	p.setKey(path, val)
	alias, hasAlias := p.aliases[key]
	if hasAlias {
		p.setKey(keyPath(alias), val)
		if t, ok := p.text[key]; ok {
			p.text[alias] = slices.Clone(t)
		}
	}
	// "--foo-bar.x" after "--foo-bar" also reaches "fooBar.x" through the
	// alias of the first segment, unless that is the alias just set.
	if len(path) > 1 {
		if head, ok := p.aliases[path[0]]; ok {
			if full := head + key[len(path[0]):]; !hasAlias || full != alias {
				p.setKey(keyPath(full), val)
			}
		}
	}
}

// maxKeyDepth bounds the objects a dotted key nests: every later step
// (locals, the JavaScript runtime) walks them recursively, and one
// 900 KB agent request of dots took seconds and hundreds of megabytes.
const maxKeyDepth = 64

// keyPath splits a dotted key into the path of nested keys it sets, or
// keeps it whole when it is dotted more deeply than maxKeyDepth.
func keyPath(key string) []string {
	if strings.Count(key, ".") >= maxKeyDepth {
		return []string{key}
	}
	return strings.Split(key, ".")
}

// link records key and alias as aliases of each other, keeping any link
// made earlier: the first dashed spelling to claim a camel-case name keeps it.
func (p *parser) link(key, alias string) {
	if _, ok := p.aliases[key]; !ok {
		p.aliases[key] = alias
	}
	if _, ok := p.aliases[alias]; !ok {
		p.aliases[alias] = key
	}
}

// setKey stores value at path, creating nested objects. Storing into an
// existing value turns it into an array rather than overwriting it.
func (p *parser) setKey(path []string, value any) {
	o := p.argv
	for _, k := range path[:len(path)-1] {
		k = sanitizeKey(k)
		cur, exists := o.Get(k)
		if obj, ok := cur.(*jsvalue.Object); ok {
			o = obj
			continue
		}
		// Anything else in the way is kept next to a fresh object, in the
		// same array-collecting fashion as repeated values.
		child := jsvalue.NewObject()
		if arr, ok := cur.([]any); ok {
			o.Set(k, append(arr, child))
		} else if exists {
			o.Set(k, []any{cur, child})
		} else {
			o.Set(k, child)
		}
		o = child
	}
	k := sanitizeKey(path[len(path)-1])
	cur, exists := o.Get(k)
	if n, ok := value.(float64); ok && n == 1 && !(o == p.argv && k == "_") {
		o.Set(k, addOne(cur))
		return
	}
	if arr, ok := cur.([]any); ok {
		o.Set(k, append(arr, value))
	} else if exists {
		o.Set(k, []any{cur, value})
	} else {
		o.Set(k, value)
	}
}

// sanitizeKey renames "__proto__", which yargs-parser refuses to assign.
func sanitizeKey(k string) string {
	if k == "__proto__" {
		return "___proto___"
	}
	return k
}

func camelCasePath(key string) string {
	parts := strings.Split(key, ".")
	for i, s := range parts {
		parts[i] = CamelCase(s)
	}
	return strings.Join(parts, ".")
}

// CamelCase is the second name yargs-parser gives a flag with "-" or "_"
// in it (--with-tests also sets withTests). It follows yargs-parser: a
// string that is not already mixed case is
// lower-cased first, leading dashes are dropped, and each "-" or "_" is
// dropped while upper-casing the character after it.
func CamelCase(s string) string {
	lower := strings.ToLower(s)
	if s == lower || s == strings.ToUpper(s) {
		s = lower
	}
	if !strings.ContainsAny(s, "-_") {
		return s
	}
	var b strings.Builder
	start := len(s) - len(strings.TrimLeft(s, "-"))
	upperNext := false
	for i, r := range s[start:] {
		switch {
		case r == '-' || r == '_':
			// An "_" at the very start is dropped without effect.
			upperNext = start+i != 0
		case upperNext:
			upperNext = false
			if r > 0xFFFF {
				// JavaScript upper-cases one UTF-16 unit here, which leaves
				// a surrogate pair unchanged.
				b.WriteRune(r)
			} else {
				b.WriteString(strings.ToUpper(string(r)))
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
