package jsrt

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

func render(t *testing.T, text string, locals map[string]any) (string, error) {
	t.Helper()
	var c Cache
	tmpl, err := c.Compile(text, ejs.Options{})
	if err != nil {
		return "", err
	}
	obj := jsvalue.NewObject()
	for k, v := range locals {
		obj.Set(k, v)
	}
	return NewVM("/work").Render(context.Background(), tmpl, obj)
}

func TestRenderEJS(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
		locals           map[string]any
	}{
		{"escaped", `<%= s %>`, "&lt;a href=&#34;x&#34;&gt;&amp;&#39;", map[string]any{"s": `<a href="x">&'`}},
		{"raw", `<%- s %>`, `<b>`, map[string]any{"s": "<b>"}},
		{"null and undefined print nothing", `[<%= n %>][<%= locals.missing %>]`, "[][]", map[string]any{"n": nil}},
		{"array joins", `<%= a %>`, "1,x,", map[string]any{"a": []any{1.0, "x", nil}}},
		{"object", `<%- o %>`, "[object Object]", map[string]any{"o": jsvalue.NewObject()}},
		{"numbers format like JS", `<%= n %> <%= n/3 %>`, "2 0.6666666666666666", map[string]any{"n": 2.0}},
		{"code", "<% for (let i = 0; i < 3; i++) { %><%= i %><% } %>", "012", nil},
		{"comment", "a<%# ignored %>b", "ab", nil},
		{"literal tags", "<%% x %%> <%%= y %>", "<% x %> <%= y %>", nil},
		{"dash trims newline", "<% if (true) { -%>\nyes\n<% } -%>\nend", "yes\nend", nil},
		{"underscore slurps", "  <%_ if (true) { _%>  \nok\n  <%_ } _%>\n", "ok\n", nil},
		{"semicolon in output", `<%= 1 + 1; %>`, "2", nil},
		{"line comment in code", "<% // note %>x", "x", nil},
		{"helpers", `<%= h.capitalize("abc") %> <%= h.path.join("a", "../b", "c.txt") %>`, "Abc b/c.txt", nil},
		{"regexp local", `<%= re.test("Foo") %>`, "true", map[string]any{"re": &jsvalue.RegExp{Source: "^f", Flags: "i"}}},
		{"locals object", `<%= locals.name %>`, "x", map[string]any{"name": "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := render(t, tt.tmpl, tt.locals)
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRenderErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, tmpl, msg string
		line            int
		compile         bool
	}{
		{"undefined variable", "a\nb\n<%= nope %>", "ReferenceError: nope is not defined", 3, false},
		{"thrown error", "\n<% throw new Error('boom') %>", "Error: boom", 2, false},
		{"syntax error", "x\ny\n<% if ( { %>", "SyntaxError", 3, true},
		{"unclosed tag", "x\n<%= name", `could not find matching close tag for "<%="`, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := render(t, tt.tmpl, nil)
			var je *Error
			if !errors.As(err, &je) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if je.Line != tt.line || je.Compile != tt.compile || !strings.Contains(je.Msg, tt.msg) {
				t.Errorf("err = %+v, want line %d compile %v containing %q", je, tt.line, tt.compile, tt.msg)
			}
		})
	}
}

func TestRenderInterruptedByContext(t *testing.T) {
	var c Cache
	tmpl, err := c.Compile("<% while (true) {} %>", ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = NewVM("/").Render(ctx, tmpl, jsvalue.NewObject())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestCacheCompilesOnce(t *testing.T) {
	var c Cache
	a, _ := c.Compile("x", ejs.Options{})
	b, _ := c.Compile("x", ejs.Options{})
	if a != b {
		t.Error("same text compiled twice")
	}
	if h, m := c.Stats(); h != 1 || m != 1 {
		t.Errorf("stats = %d hits %d misses, want 1/1", h, m)
	}
}
