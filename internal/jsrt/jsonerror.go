package jsrt

import (
	"errors"
	"strconv"
	"unicode/utf16"

	"github.com/dop251/goja"
)

// installJSONErrors makes JSON.parse fail with V8's messages ("Unexpected
// token 'x', "[1,x]" is not valid JSON", "Expected ',' or '}' after
// property value in JSON at position 7") rather than Go's ("invalid
// character 'x' looking for beginning of value"): hooks print them, and
// so does hypergen when a hook fails on a broken JSON file. goja's parser
// still parses; only a text it refuses is read again, to name the fault.
func (vm *VM) installJSONErrors() {
	rt := vm.rt
	json := rt.Get("JSON").ToObject(rt)
	parse, _ := goja.AssertFunction(json.Get("parse"))
	wrapped := func(call goja.FunctionCall) goja.Value {
		// Converted once, as V8 does: a toString with effects runs once.
		args := append([]goja.Value{call.Argument(0).ToString()}, call.Arguments[min(1, len(call.Arguments)):]...)
		v, err := parse(call.This, args...)
		if err == nil {
			return v
		}
		panicUncatchable(err)
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			panic(err)
		}
		if obj, ok := ex.Value().(*goja.Object); ok && obj.Get("name").String() == "SyntaxError" {
			vm.throwJSONFault(args[0].String(), "")
			if v, ok := vm.parseWideJSON(args[0].String(), call.Argument(1)); ok {
				return v
			}
		}
		panic(ex.Value())
	}
	_ = json.DefineDataProperty("parse", named(rt, rt.ToValue(wrapped).ToObject(rt), "parse", 2), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// throwJSONFault throws V8's SyntaxError for the first fault of text as
// JSON, its message after prefix; it returns when jsonSyntaxError names
// none, leaving the caller to throw goja's error.
func (vm *VM) throwJSONFault(text, prefix string) {
	msg := jsonSyntaxError(text)
	if msg == "" {
		return
	}
	if e, err := vm.rt.New(vm.rt.Get("SyntaxError"), vm.rt.ToValue(prefix+msg)); err == nil {
		panic(e)
	}
}

// jsonSyntaxError is V8's message for the first fault of text as JSON
// (Node 20: V8 11.3), or "" when it finds none. Positions count UTF-16 code
// units, as JavaScript strings do. It reads the text without recursion, so
// deep nesting costs a slice, not the goroutine's stack. A text over
// jsonProbeLimit bytes keeps goja's message: reading it again as UTF-16
// would take six times its size.
func jsonSyntaxError(text string) string {
	if len(text) > jsonProbeLimit {
		return ""
	}
	src := utf16.Encode([]rune(text))
	p := &jsonProbe{src: src}
	return p.run()
}

type jsonProbe struct {
	src []uint16
	pos int
}

const (
	jsonProbeLimit = 16 << 20
	jsonEOS        = "Unexpected end of JSON input"
	// V8 quotes the whole text when it is shorter than this, and otherwise
	// jsonContext characters on either side of the fault.
	jsonShortText = 21
	jsonContext   = 10
)

// at is msg at the probe's position.
func (p *jsonProbe) at(msg string) string {
	return msg + " in JSON at position " + strconv.Itoa(p.pos)
}

func (p *jsonProbe) more() bool { return p.pos < len(p.src) }

func (p *jsonProbe) skipSpace() {
	for p.more() {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func isDigit(c uint16) bool { return c >= '0' && c <= '9' }

// unexpected is V8's message for a character nothing in particular was
// expected of: by its kind, and for most kinds with the text around it.
func (p *jsonProbe) unexpected() string {
	if !p.more() {
		return jsonEOS
	}
	c := p.src[p.pos]
	switch {
	case c == '-' || isDigit(c):
		return p.at("Unexpected number")
	case c == '"':
		return p.at("Unexpected string")
	}
	text := string(utf16.Decode(p.src))
	switch text {
	case "undefined", "NaN", "Infinity", "[object Object]":
		return `"` + text + `" is not valid JSON` // what JSON.parse of those values reads
	}
	token := "Unexpected token '" + string(utf16.Decode(p.src[p.pos:p.pos+1])) + "', "
	n := len(p.src)
	quote := func(from, to int) string { return `"` + string(utf16.Decode(p.src[from:to])) + `"` }
	switch {
	case n < jsonShortText:
		return token + quote(0, n) + " is not valid JSON"
	case p.pos < jsonContext:
		return token + quote(0, p.pos+jsonContext) + "... is not valid JSON"
	case p.pos < n-jsonContext:
		return token + "..." + quote(p.pos-jsonContext, p.pos+jsonContext) + "... is not valid JSON"
	default:
		return token + "..." + quote(p.pos-jsonContext, n) + " is not valid JSON"
	}
}

// container is an array or object the probe is inside.
type container struct{ object bool }

func (p *jsonProbe) run() string {
	var open []container
	for {
		// A value is expected here.
		p.skipSpace()
		opened, msg := p.value(&open)
		if msg != "" {
			return msg
		}
		if opened {
			continue
		}
		// After a value: the end of the text, or what its container takes.
		for {
			p.skipSpace()
			if len(open) == 0 {
				if p.more() {
					return "Unexpected non-whitespace character after JSON at position " + strconv.Itoa(p.pos)
				}
				return ""
			}
			top := open[len(open)-1]
			if p.more() && p.src[p.pos] == ',' {
				p.pos++
				if top.object {
					p.skipSpace()
					if !p.more() || p.src[p.pos] != '"' {
						return p.at("Expected double-quoted property name")
					}
					if msg := p.key(false); msg != "" {
						return msg
					}
				}
				break
			}
			closing, what := uint16(']'), "Expected ',' or ']' after array element"
			if top.object {
				closing, what = '}', "Expected ',' or '}' after property value"
			}
			if !p.more() || p.src[p.pos] != closing {
				return p.at(what)
			}
			p.pos++
			open = open[:len(open)-1]
		}
	}
}

// value reads one value, or opens a container (opened: its first value
// comes next). A container that closes at once is a whole value.
func (p *jsonProbe) value(open *[]container) (opened bool, msg string) {
	if !p.more() {
		return false, jsonEOS
	}
	switch c := p.src[p.pos]; {
	case c == '"':
		return false, p.str()
	case c == '-' || isDigit(c):
		return false, p.number()
	case c == 't':
		return false, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return false, p.literal("null")
	case c == '[':
		p.pos++
		p.skipSpace()
		if p.more() && p.src[p.pos] == ']' {
			p.pos++
			return false, ""
		}
		*open = append(*open, container{})
		return true, ""
	case c == '{':
		p.pos++
		p.skipSpace()
		if p.more() && p.src[p.pos] == '}' {
			p.pos++
			return false, ""
		}
		if !p.more() || p.src[p.pos] != '"' {
			return false, p.at("Expected property name or '}'")
		}
		if msg := p.key(true); msg != "" {
			return false, msg
		}
		*open = append(*open, container{object: true})
		return true, ""
	}
	return false, p.unexpected()
}

// key reads a property name and its colon. V8 names a missing colon only
// after an object's first name; after the others it is an unexpected
// character.
func (p *jsonProbe) key(first bool) string {
	if msg := p.str(); msg != "" {
		return msg
	}
	p.skipSpace()
	if p.more() && p.src[p.pos] == ':' {
		p.pos++
		return ""
	}
	if first {
		return p.at("Expected ':' after property name")
	}
	return p.unexpected()
}

func (p *jsonProbe) str() string {
	p.pos++ // the opening quote
	for {
		if !p.more() {
			return p.at("Unterminated string")
		}
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return ""
		case c < 0x20:
			return p.at("Bad control character in string literal")
		case c != '\\':
			p.pos++
			continue
		}
		p.pos++
		if !p.more() {
			return jsonEOS
		}
		switch p.src[p.pos] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			p.pos++
		case 'u':
			p.pos++
			for range 4 {
				if !p.more() || !isHex(p.src[p.pos]) {
					return p.at("Bad Unicode escape")
				}
				p.pos++
			}
		default:
			return p.at("Bad escaped character")
		}
	}
}

func isHex(c uint16) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func (p *jsonProbe) digits() {
	for p.more() && isDigit(p.src[p.pos]) {
		p.pos++
	}
}

func (p *jsonProbe) number() string {
	if p.src[p.pos] == '-' {
		p.pos++
		if !p.more() || !isDigit(p.src[p.pos]) {
			return p.at("No number after minus sign")
		}
	}
	if p.src[p.pos] == '0' {
		p.pos++
		if p.more() && isDigit(p.src[p.pos]) {
			return p.at("Unexpected number")
		}
	} else {
		p.digits()
	}
	if p.more() && p.src[p.pos] == '.' {
		p.pos++
		if !p.more() || !isDigit(p.src[p.pos]) {
			return p.at("Unterminated fractional number")
		}
		p.digits()
	}
	if p.more() && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		p.pos++
		if p.more() && (p.src[p.pos] == '+' || p.src[p.pos] == '-') {
			p.pos++
		}
		if !p.more() || !isDigit(p.src[p.pos]) {
			return p.at("Exponent part is missing a number")
		}
		p.digits()
	}
	return ""
}

func (p *jsonProbe) literal(word string) string {
	for i := range len(word) {
		if !p.more() {
			return jsonEOS
		}
		if p.src[p.pos] != uint16(word[i]) {
			return p.unexpected()
		}
		p.pos++
	}
	return ""
}
