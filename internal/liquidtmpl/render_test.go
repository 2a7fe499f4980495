package liquidtmpl

import (
	"errors"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

func TestRender(t *testing.T) {
	locals := jsvalue.NewObject()
	locals.Set("name", "user account")
	locals.Set("tags", []any{"a", "b"})
	meta := jsvalue.NewObject()
	meta.Set("owner", "ops")
	locals.Set("meta", meta)
	locals.Set("n", 3.0)
	tests := []struct{ tmpl, want string }{
		{"{{ name | pascalCase }} {{ name | camelCase }} {{ name | snakeCase }} {{ name | paramCase }} {{ name | constantCase }}", "UserAccount userAccount user_account user-account USER_ACCOUNT"},
		{"{{ name | pluralize }} {{ 'people' | singularize }} {{ name | tableize }} {{ 'user_account' | classify }}", "user accounts person user accounts UserAccount"},
		{"{% for t in tags %}[{{ t | upcase }}]{% endfor %} {{ meta.owner }} {{ n | plus: 1 }}", "[A][B] ops 4"},
		{"[{{ missing }}]{% if missing %}x{% endif %}", "[]"},
	}
	var r Renderer
	for _, tt := range tests {
		got, err := r.Render(tt.tmpl, locals)
		if err != nil || got != tt.want {
			t.Errorf("Render(%q) = %q, %v; want %q", tt.tmpl, got, err, tt.want)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	var r Renderer
	_, err := r.Render("a\nb\n{% if %}", jsvalue.NewObject())
	var le *Error
	if !errors.As(err, &le) || le.Line != 3 || !strings.HasPrefix(le.Msg, "Liquid: ") {
		t.Fatalf("err = %#v, want a Liquid error on line 3", err)
	}
	if _, err := r.Render("{{ x | nosuchfilter }}", jsvalue.NewObject()); err == nil || !strings.Contains(err.Error(), "nosuchfilter") {
		t.Errorf("unknown filter: err = %v", err)
	}
}
