package liquidtmpl

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/jsrt"
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
	locals.Set("half", 2.5)
	tests := []struct{ tmpl, want string }{
		{"{{ name | pascalCase }} {{ name | camelCase }} {{ name | snakeCase }} {{ name | paramCase }} {{ name | constantCase }}", "UserAccount userAccount user_account user-account USER_ACCOUNT"},
		{"{{ name | pluralize }} {{ 'people' | singularize }} {{ name | tableize }} {{ 'user_account' | classify }}", "user accounts person user accounts UserAccount"},
		{"{% for t in tags %}[{{ t | upcase }}]{% endfor %} {{ meta.owner }} {{ n | plus: 1 }}", "[A][B] ops 4"},
		{"[{{ missing }}]{% if missing %}x{% endif %}", "[]"},
		// A number flag (--n 3) is a JavaScript number, which Liquid
		// refused as a range bound.
		{"{% for i in (1..n) %}{{ i }}{% endfor %} {{ half }}", "123 2.5"},
	}
	var r Renderer
	for _, tt := range tests {
		got, err := r.Render(context.Background(), time.Second, tt.tmpl, locals)
		if err != nil || got != tt.want {
			t.Errorf("Render(%q) = %q, %v; want %q", tt.tmpl, got, err, tt.want)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	var r Renderer
	_, err := r.Render(context.Background(), time.Second, "a\nb\n{% if %}", jsvalue.NewObject())
	var le *Error
	if !errors.As(err, &le) || le.Line != 3 || !strings.HasPrefix(le.Msg, "Liquid: ") {
		t.Fatalf("err = %#v, want a Liquid error on line 3", err)
	}
	if _, err := r.Render(context.Background(), time.Second, "{{ x | nosuchfilter }}", jsvalue.NewObject()); err == nil || !strings.Contains(err.Error(), "nosuchfilter") {
		t.Errorf("unknown filter: err = %v", err)
	}
}

// A render past its limit, or past its context, returns with an error;
// the loop runs on, since nothing can stop it, and is counted until it
// ends. While GOMAXPROCS such renders run, new ones fail at once.
func TestRenderRunaway(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	locals := jsvalue.NewObject()
	locals.Set("n", 3e6) // about a second of looping on this machine's kind
	loop := "{% for i in (1..n) %}{% endfor %}done"
	var r Renderer
	_, err := r.Render(context.Background(), 20*time.Millisecond, loop, locals)
	var te *jsrt.TimeoutError
	if !errors.As(err, &te) || te.Limit != 20*time.Millisecond {
		t.Fatalf("err = %v, want the time limit", err)
	}
	if _, err := r.Render(context.Background(), time.Minute, "{{ n }}", locals); err == nil || !strings.Contains(err.Error(), "1 Liquid renders that ran past their time limit are still running") {
		t.Errorf("with one runaway and GOMAXPROCS 1: err = %v, want a refusal", err)
	}
	for deadline := time.Now().Add(time.Minute); runaway.Load() != 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the runaway render never ended")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := r.Render(ctx, time.Minute, loop, locals); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past the context's deadline: err = %v", err)
	}
	for deadline := time.Now().Add(time.Minute); runaway.Load() != 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the cancelled render never ended")
		}
	}
	if out, err := r.Render(context.Background(), time.Minute, loop, locals); err != nil || out != "done" {
		t.Errorf("after the runaways ended: %q, %v", out, err)
	}
}
