package jsrt

import "strings"

// features are the parts of the runtime that cost a runtime something to
// install (a program to run, a prototype goja builds on first touch), so
// each is installed only before code that names what it provides runs,
// once per runtime: most templates need none of them.
type features uint16

const (
	featLocale     features = 1 << iota // locale.go: en-US toLocale… and Date strings
	featWeb                             // webglobals.go: URL, TextEncoder, …
	featAccessors                       // accessors.go: __defineGetter__ and kin
	featRegExp                          // regexp.go: V8's source of patterns made from strings
	featNumbers                         // numbers.go: toPrecision, toExponential and toString mended
	featStackTrace                      // stack.go: V8's stack traces
	featTimers                          // timers.go: setTimeout and kin
	featJSON                            // jsonerror.go: V8's JSON.parse errors
	featAnnexB                          // annexb.go: String's HTML methods, Date's getYear and kin
)

// featuresOf is what code may need, by the names it contains.
func featuresOf(code string) features {
	var f features
	if needsLocale(code) {
		f |= featLocale
	}
	if needsWebGlobals(code) {
		f |= featWeb
	}
	if needsAccessors(code) {
		f |= featAccessors
	}
	if namesIdent(code, "RegExp") {
		f |= featRegExp
	}
	if strings.Contains(code, "toPrecision") || strings.Contains(code, "toExponential") || namesRadixToString(code) {
		f |= featNumbers
	}
	// Any stack: stackTraceLimit, captureStackTrace, err.stack.
	if strings.Contains(code, "stack") || strings.Contains(code, "StackTrace") {
		f |= featStackTrace
	}
	if strings.Contains(code, "Timeout") || strings.Contains(code, "Immediate") || strings.Contains(code, "Interval") {
		f |= featTimers
	}
	// Not every mention of JSON: templates call JSON.stringify often.
	if strings.Contains(code, "JSON.parse") {
		f |= featJSON
	}
	for _, name := range annexBNames {
		if namesIdent(code, name) {
			f |= featAnnexB
			break
		}
	}
	return f
}

// use installs the features of f this runtime does not have yet.
func (vm *VM) use(f features) {
	f &^= vm.installed
	if f == 0 {
		return
	}
	vm.installed |= f
	for _, feat := range []struct {
		bit     features
		install func()
	}{
		{featLocale, vm.installLocale}, {featWeb, vm.installWebGlobals}, {featAccessors, vm.installAccessors},
		{featRegExp, vm.installRegExp}, {featNumbers, vm.mendNumberFormats}, {featStackTrace, vm.installStackTraces}, {featTimers, vm.installTimers},
		{featJSON, vm.installJSONErrors}, {featAnnexB, vm.installAnnexB},
	} {
		if f&feat.bit != 0 {
			feat.install()
		}
	}
}

// namesRadixToString is whether code may call toString with a radix: any
// mention but the argument-less toString(), which templates use often and
// which formats negative numbers right.
func namesRadixToString(code string) bool {
	for i := strings.Index(code, "toString"); i >= 0; {
		if !strings.HasPrefix(code[i+len("toString"):], "()") {
			return true
		}
		j := strings.Index(code[i+1:], "toString")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
