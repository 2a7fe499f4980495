package jsrt

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// include() is bounded like the rest of a template's JavaScript: a file
// that includes itself stops at the nesting limit, a looping include stops
// at the time limit even inside the caller's try/catch, and a file the run
// may not read (Setup.CheckInclude) is refused before it is read.
func TestIncludeIsBounded(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"self.ejs":         "x<%- include(filename) %>",
		"loop.ejs":         "<% while (true) {} %>",
		"ok.ejs":           "<%= who %>",
		"refused/here.ejs": "secret",
	})
	locals := func(kv ...string) *jsvalue.Object {
		o := jsvalue.NewObject()
		o.Set("dir", dir)
		for i := 0; i+1 < len(kv); i += 2 {
			o.Set(kv[i], kv[i+1])
		}
		return o
	}
	refused := errors.New("not this one")
	setup := Setup{Cwd: dir, Limits: Limits{Timeout: 200 * time.Millisecond}, Templates: &Cache{},
		CheckInclude: func(p string) error {
			if filepath.Base(p) == "ok.ejs" || strings.Contains(p, "/refused/") {
				return refused
			}
			return nil
		}}
	tests := []struct {
		name, text string
		locals     *jsvalue.Object
		check      func(error) bool
	}{
		{"a file that includes itself", "<%- include(dir + '/self.ejs', { filename: dir + '/self.ejs' }) %>", locals(),
			func(err error) bool { return strings.Contains(err.Error(), "nested more than 64 deep") }},
		{"a looping include inside try/catch", "<% try { include(dir + '/loop') } catch (e) {} %>", locals(),
			func(err error) bool { var te *TimeoutError; return errors.As(err, &te) }},
		{"a file the run may not read", "<%- include(dir + '/ok.ejs') %>", locals("who", "me"),
			func(err error) bool { return strings.Contains(err.Error(), "not this one") }},
		// Refused alike whether the file is there or not: the error tells
		// nothing of what exists where the run may not look.
		{"a refused relative name that exists", "<%- include('here') %>", locals("filename", dir+"/refused/x.ejs"),
			func(err error) bool { return strings.Contains(err.Error(), "not this one") }},
		{"a refused relative name that does not", "<%- include('gone') %>", locals("filename", dir+"/refused/x.ejs"),
			func(err error) bool { return strings.Contains(err.Error(), "not this one") }},
		{"a missing file", "<%- include(dir + '/missing') %>", locals(),
			func(err error) bool { return strings.Contains(err.Error(), "missing.ejs: no such file") }},
		{"a relative name without a filename", "<%- include('ok') %>", locals(),
			func(err error) bool { return strings.Contains(err.Error(), `Could not find the include file "ok"`) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl := mustCompile(t, setup.Templates, tt.text)
			out, err := NewVM(context.Background(), setup).Render(context.Background(), tmpl, tt.locals)
			if err == nil || !tt.check(err) {
				t.Errorf("got %q, %v", out, err)
			}
		})
	}
	// Allowed, the same include renders: the check is what refused it.
	setup.CheckInclude = nil
	setup.Limits.Timeout = time.Minute // no race with a loaded machine
	tmpl := mustCompile(t, setup.Templates, "<%- include(dir + '/ok.ejs') %>")
	if out, err := NewVM(context.Background(), setup).Render(context.Background(), tmpl, locals("who", "me")); err != nil || out != "me" {
		t.Errorf("allowed include: %q, %v", out, err)
	}
}

// ejs 3.1.10 strips one byte order mark from an included file, as
// ejs.render of the same includes in Node gives "B1|\ufeffC".
func TestIncludeDropsByteOrderMark(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"bom.ejs":    "\ufeffB<%= 1 %>",
		"twobom.ejs": "\ufeff\ufeffC",
	})
	setup := Setup{Cwd: dir, Templates: &Cache{}}
	locals := jsvalue.NewObject()
	locals.Set("d", dir)
	tmpl := mustCompile(t, setup.Templates, `<%- include(d + "/bom") %>|<%- include(d + "/twobom.ejs") %>`)
	out, err := NewVM(context.Background(), setup).Render(context.Background(), tmpl, locals)
	if err != nil || out != "B1|\ufeffC" {
		t.Errorf("got %q, %v; want %q", out, err, "B1|\ufeffC")
	}
}
