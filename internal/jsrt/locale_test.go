package jsrt

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// The en-US output of toLocaleString and friends, as Node 20.20.2 prints it
// (node -e, no LANG): numbers through the template runtime, dates through
// the formatters, which the runtime calls with the local time.
func TestLocaleFormatsAsNode(t *testing.T) {
	numbers := map[string]string{
		"1500": "1,500", "1234.5678": "1,234.568", "0.0005": "0.001", "-0": "-0",
		"1e21": "1,000,000,000,000,000,000,000", "2**70": "1,180,591,620,717,411,300,000",
		"NaN": "NaN", "-Infinity": "-∞", "1.0005": "1.001", "2.5e-7": "0", "1.2345": "1.235",
		"-1234567.891": "-1,234,567.891", "0.1+0.2": "0.3", "999.9996": "1,000", "123": "123",
	}
	var c Cache
	for expr, want := range numbers {
		tmpl := mustCompile(t, &c, "<%= ("+expr+").toLocaleString() %>|<%= ("+expr+").toLocaleString('en-US') %>")
		out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject())
		if err != nil || out != want+"|"+want {
			t.Errorf("(%s).toLocaleString() = %q, %v; want %q", expr, out, err, want)
		}
	}
	for _, tt := range []struct {
		at          time.Time
		date, clock string
	}{
		{time.Date(2024, 1, 15, 15, 4, 5, 0, time.UTC), "1/15/2024", "3:04:05 PM"},
		{time.Date(2024, 12, 5, 0, 4, 5, 0, time.UTC), "12/5/2024", "12:04:05 AM"},
		{time.Date(2, 1, 1, 12, 0, 0, 0, time.UTC), "1/1/2", "12:00:00 PM"},
	} {
		if d, c := formatDateEnUS(tt.at), formatTimeEnUS(tt.at); d != tt.date || c != tt.clock {
			t.Errorf("%v: %q %q, want %q %q", tt.at, d, c, tt.date, tt.clock)
		}
	}
}

// A BigInt is grouped as a number is, and a list of locales is its first
// (none, the default): Node 20's output of each expression.
func TestLocaleListsAndBigInts(t *testing.T) {
	var c Cache
	for expr, want := range map[string]string{
		"(1234.5).toLocaleString([])":                                                   "1,234.5",
		"(1234.5).toLocaleString(['en-US', 'fr'])":                                      "1,234.5",
		"(12345678901234567890n).toLocaleString()":                                      "12,345,678,901,234,567,890",
		"(-1234n).toLocaleString()":                                                     "-1,234",
		"(0n).toLocaleString()":                                                         "0",
		"(999n).toLocaleString('en-US')":                                                "999",
		"(1234n).toLocaleString([])":                                                    "1,234",
		"Object(12n).toLocaleString()":                                                  "12",
		"new Date(0).toLocaleDateString([]) === new Date(0).toLocaleDateString()":       "true",
		"BigInt.prototype.toLocaleString.name + BigInt.prototype.toLocaleString.length": "toLocaleString0",
		"(() => { try { BigInt.prototype.toLocaleString.call(5) } catch (e) { return e.message } })()": "BigInt.prototype.toLocaleString requires that 'this' be a BigInt",
	} {
		tmpl := mustCompile(t, &c, "<%- "+expr+" %>")
		out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject())
		if err != nil || out != want {
			t.Errorf("%s = %q, %v; want %q", expr, out, err, want)
		}
	}
}

// What would need Intl's data is an error that says so, not output Node
// would not give.
func TestLocaleRefusesWhatNeedsIntl(t *testing.T) {
	var c Cache
	for _, expr := range []string{
		"(1500).toLocaleString('de-DE')",
		"(5).toLocaleString(undefined, { minimumFractionDigits: 2 })",
		"new Date(0).toLocaleDateString('en-GB')",
		"new Date(0).toLocaleString('en-US', { month: 'long' })",
	} {
		tmpl := mustCompile(t, &c, "<%= "+expr+" %>")
		out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject())
		if err == nil || !strings.Contains(err.Error(), "no Intl") {
			t.Errorf("%s = %q, %v; want an error saying there is no Intl", expr, out, err)
		}
	}
}

// localeCompare's options that Go's collation cannot apply as ICU does
// are errors saying so, and a locale that is none is Node's RangeError:
// ignorePunctuation compared every pair equal, caseFirst was ignored.
func TestLocaleCompareRefusals(t *testing.T) {
	var c Cache
	for expr, want := range map[string]string{
		"'a'.localeCompare('b', 'en', {ignorePunctuation: true})": "ignorePunctuation is not supported here",
		"'a'.localeCompare('A', 'en', {caseFirst: 'upper'})":      `caseFirst "upper" is not supported here`,
		"'a'.localeCompare('á', 'en', {sensitivity: 'case'})":     `sensitivity "case" is not supported here`,
		"'a'.localeCompare('b', 'x!!')":                           "RangeError: Incorrect locale information provided",
		"'i'.toLocaleUpperCase('x!!')":                            "RangeError: Incorrect locale information provided",
	} {
		tmpl := mustCompile(t, &c, "<%= "+expr+" %>")
		out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s = %q, %v; want an error with %q", expr, out, err, want)
		}
	}
	tmpl := mustCompile(t, &c, "<%= ['step10', 'step2', 'Step1'].sort((a, b) => a.localeCompare(b, 'en', {numeric: true, sensitivity: 'base', caseFirst: 'false'})).join(' ') %>")
	if out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject()); err != nil || out != "Step1 step2 step10" {
		t.Errorf("numeric sort: %q, %v", out, err)
	}
}

// Options win over a locale's own -u- keys, and a well-formed locale Go
// does not know falls back as Node's does (both were wrong: the options
// dropped, a RangeError).
func TestLocaleCompareAsNode(t *testing.T) {
	var c Cache
	for expr, want := range map[string]string{
		`"a10".localeCompare("a9", "en-u-kn-false", {numeric: true})`:   "1",
		`"a".localeCompare("A", "en-u-kn-true", {sensitivity: "base"})`: "0",
		`"a10".localeCompare("a9", "en-u-kn-true", {numeric: false})`:   "-1",
		`"a".localeCompare("b", "zz-ZZ")`:                               "-1",
		`"i".toLocaleUpperCase("xx")`:                                   "I",
		// Node 20.20.2: a number of zeros sorts first, and numbers of equal
		// value (leading zeros, other scripts' digits) alike. x/text's
		// numeric collation sorted file0 after file1.
		`['img10.png', 'img0.png', 'img2.png', 'img1.png', 'img00.png'].sort((a, b) => a.localeCompare(b, undefined, {numeric: true})).join()`: "img0.png,img00.png,img1.png,img2.png,img10.png",
		`[['x0y', 'x1y'], ['01', '1'], ['1', '١'], ['a', 'a1'], ['z0', 'z'], ['A1', 'a1'], ['a1B', 'A1b'], ['0', '-'], ['v1.10.0', 'v1.9.0'], ['٠', '1']]
			.map(([a, b]) => a.localeCompare(b, undefined, {numeric: true})).join()`: "-1,0,0,-1,1,1,-1,1,1,-1",
	} {
		tmpl := mustCompile(t, &c, "<%- "+expr+" %>")
		out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject())
		if err != nil || out != want {
			t.Errorf("%s = %q, %v; want %q", expr, out, err, want)
		}
	}
}

func TestNeedsLocale(t *testing.T) {
	for code, want := range map[string]bool{
		"new Date()": true, "Date.now()": true, "x = Date": true, "(1).toLocaleString()": true,
		"const fields = ['dueDate', 'createdAt']": false, "updateDates()": false, "$Date": false, "Date_": false, "": false,
	} {
		if got := needsLocale(code); got != want {
			t.Errorf("needsLocale(%q) = %v, want %v", code, got, want)
		}
	}
}
