package jsrt

import (
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"
	wurl "github.com/nlnwa/whatwg-url/url"
	"golang.org/x/text/encoding/unicode"
)

// urlHandle is one URL of the URL class (whatwgurl.js), parsed and edited
// as the WHATWG URL Standard says, which Node's URL follows.
// goja_nodejs's URL parsed with net/url and cleaned paths: a trailing
// slash was dropped, and new URL('.', base) lost the base's folder.
type urlHandle struct{ u *wurl.Url }

// urlNatives are the functions whatwgurl.js builds the classes on.
func (vm *VM) urlNatives() *goja.Object {
	rt := vm.rt
	o := rt.NewObject()
	// parse returns a handle, or null for what is no URL.
	_ = o.Set("parse", func(input string, base goja.Value) goja.Value {
		u, err := parseURL(input, base)
		if err != nil {
			return goja.Null()
		}
		return rt.ToValue(&urlHandle{u})
	})
	handle := func(v goja.Value) *urlHandle {
		h, ok := v.Export().(*urlHandle)
		if !ok {
			panic(rt.NewTypeError("Value of \"this\" must be of type URL"))
		}
		return h
	}
	_ = o.Set("get", func(h goja.Value, name string) string { return handle(h).get(name) })
	// set changes a part of the URL; false when a new href is no URL.
	_ = o.Set("set", func(h goja.Value, name, value string) bool { return handle(h).set(name, value) })
	_ = o.Set("formDecode", func(s string) string { return percentDecode(s, true) })
	return o
}

func parseURL(input string, base goja.Value) (*wurl.Url, error) {
	if base == nil || goja.IsUndefined(base) {
		return wurl.Parse(input)
	}
	return wurl.ParseRef(base.String(), input)
}

func (h *urlHandle) get(name string) string {
	u := h.u
	switch name {
	case "href":
		return u.Href(false)
	case "origin":
		return origin(u)
	case "protocol":
		return u.Protocol()
	case "username":
		return u.Username()
	case "password":
		return u.Password()
	case "host":
		return u.Host()
	case "hostname":
		return u.Hostname()
	case "port":
		return u.Port()
	case "pathname":
		return u.Pathname()
	case "search":
		return u.Search()
	case "query": // what the URLSearchParams reads: the query without "?"
		return strings.TrimPrefix(u.Search(), "?")
	case "hash":
		return u.Hash()
	}
	return ""
}

func (h *urlHandle) set(name, value string) bool {
	u := h.u
	switch name {
	case "href":
		n, err := wurl.Parse(value)
		if err != nil {
			return false
		}
		h.u = n
	case "protocol":
		u.SetProtocol(value)
	case "username":
		u.SetUsername(value)
	case "password":
		u.SetPassword(value)
	case "host":
		u.SetHost(value)
	case "hostname":
		u.SetHostname(value)
	case "port":
		u.SetPort(value)
	case "pathname":
		u.SetPathname(value)
	case "search":
		u.SetSearch(value)
	case "hash":
		u.SetHash(value)
	}
	return true
}

// origin is the URL Standard's origin, serialized: the scheme, host and
// port of the special network schemes, a blob: URL's inner URL's, and
// "null" for every other (file: too, as Node gives it).
func origin(u *wurl.Url) string {
	switch u.Scheme() {
	case "http", "https", "ws", "wss", "ftp":
		return u.Protocol() + "//" + u.Host()
	case "blob":
		if inner, err := wurl.Parse(u.Pathname()); err == nil && (inner.Scheme() == "http" || inner.Scheme() == "https") {
			return origin(inner)
		}
	}
	return "null"
}

// percentDecode is what Node makes of %-escaped text where it does not
// fail (URLSearchParams, and querystring.unescape once decodeURIComponent
// has): each %XX with two hex digits is a byte, anything else stands as it
// is ("+" a space too, in the form encoding), and the bytes are read as
// UTF-8 as Buffer's toString reads them, each maximal ill-formed part one
// U+FFFD.
func percentDecode(s string, plusIsSpace bool) string {
	if !strings.Contains(s, "%") && (!plusIsSpace || !strings.Contains(s, "+")) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+' && plusIsSpace:
			b = append(b, ' ')
		case c == '%' && i+2 < len(s) && isHex(uint16(s[i+1])) && isHex(uint16(s[i+2])):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	out, _ := unicode.UTF8.NewDecoder().Bytes(b) // it replaces what it cannot decode; no error to give
	return string(out)
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
