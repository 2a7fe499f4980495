package liquidtmpl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/osteele/liquid"

	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
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
	hook, err := goja.New().RunString("({ count: 2, list: [3] })") // a hook's value: whole numbers export as int64
	if err != nil {
		t.Fatal(err)
	}
	locals.Set("cfg", hook)
	tests := []struct{ tmpl, want string }{
		{"{{ name | pascalCase }} {{ name | camelCase }} {{ name | snakeCase }} {{ name | paramCase }} {{ name | constantCase }}", "UserAccount userAccount user_account user-account USER_ACCOUNT"},
		{"{{ name | pluralize }} {{ 'people' | singularize }} {{ name | tableize }} {{ 'user_account' | classify }}", "user accounts person user accounts UserAccount"},
		{"{% for t in tags %}[{{ t | upcase }}]{% endfor %} {{ meta.owner }} {{ n | plus: 1 }}", "[A][B] ops 4"},
		{"[{{ missing }}]{% if missing %}x{% endif %}", "[]"},
		// A number flag (--n 3) is a JavaScript number, which Liquid
		// refused as a range bound.
		{"{% for i in (1..n) %}{{ i }}{% endfor %} {{ half }}", "123 2.5"},
		{"{% for i in (1..cfg.count) %}{{ i }}{% endfor %} {% for i in (1..cfg.list[0]) %}{{ i }}{% endfor %}", "12 123"},
		// A range that ends before it starts is empty, and the loop's else
		// runs, as in liquidjs: it printed nothing.
		{"{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %} {%- for i in (n..1) reversed -%}{{ i }}{% else %}none{% endfor %} {% for i in (1..n) limit: 2 %}{{ i }}{% else %}none{% endfor %}", "nonenone 12"},
	}
	var r Renderer
	for _, tt := range tests {
		got, err := r.Render(context.Background(), time.Second, Source{}, tt.tmpl, locals)
		if err != nil || got != tt.want {
			t.Errorf("Render(%q) = %q, %v; want %q", tt.tmpl, got, err, tt.want)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	var r Renderer
	_, err := r.Render(context.Background(), time.Second, Source{}, "a\nb\n{% if %}", jsvalue.NewObject())
	var le *Error
	if !errors.As(err, &le) || le.Line != 3 || !strings.HasPrefix(le.Msg, "Liquid: ") {
		t.Fatalf("err = %#v, want a Liquid error on line 3", err)
	}
	if _, err := r.Render(context.Background(), time.Second, Source{}, "{{ x | nosuchfilter }}", jsvalue.NewObject()); err == nil || !strings.Contains(err.Error(), "nosuchfilter") {
		t.Errorf("unknown filter: err = %v", err)
	}
	// A tag's error, wrapped twice by osteele/liquid, said "Liquid error
	// (line 2)" inside the message and named the tag twice.
	_, err = r.Render(context.Background(), time.Second, Source{}, "a\n{% cycle 'a', 'b' %}", jsvalue.NewObject())
	if !errors.As(err, &le) || le.Line != 2 || le.Msg != "Liquid: cycle must be within a forloop in {% cycle 'a', 'b' %}" {
		t.Errorf("cycle outside a loop: %#v", err)
	}
	// A stray end tag is named with what is wrong: the message was
	// "endif not inside  in {% endif %}".
	for text, want := range map[string]string{
		"{% endif %}":                                  "Liquid: endif closes no open block in {% endif %}",
		"{% if true %}{% endfor %}{% endif %}":         "Liquid: endfor does not close the open if block in {% endfor %}",
		"{% for i in (1..2) %}{% endif %}{% endfor %}": "Liquid: endif does not close the open for block in {% endif %}",
	} {
		if _, err := r.Render(context.Background(), time.Second, Source{}, text, jsvalue.NewObject()); !errors.As(err, &le) || le.Msg != want {
			t.Errorf("%s: %v, want %q", text, err, want)
		}
	}
	// A loop's tag is quoted as the template has it.
	_, err = r.Render(context.Background(), time.Second, Source{}, "{% for i in (1..3) sideways %}{% endfor %}", jsvalue.NewObject())
	if !errors.As(err, &le) || le.Msg != `Liquid: undefined loop modifier "sideways" in {% for i in (1..3) sideways %}` {
		t.Errorf("a bad loop modifier: %#v", err)
	}
}

// A render past its limit, or past its context, returns with an error and
// is left to end on its own, holding one of the process's GOMAXPROCS
// render slots until it has. Renders started together all passed a check
// of how many had run past their limit, so 32 were left burning two
// cores. A loop now ends at its next iteration; what holds these renders
// is an include the host's CheckInclude holds up.
func TestRenderRunaway(t *testing.T) {
	if !waitForNoRenders(30 * time.Second) {
		t.Fatal("renders of earlier tests still running")
	}
	locals := jsvalue.NewObject()
	locals.Set("n", 3)
	release := make(chan struct{})
	var releaseOnce sync.Once
	defer releaseOnce.Do(func() { close(release) })
	held := Source{CheckInclude: func(string) error { <-release; return errors.New("refused") }}
	var r Renderer
	var wg sync.WaitGroup
	for range 4 * cap(slots()) {
		wg.Go(func() {
			_, err := r.Render(context.Background(), 20*time.Millisecond, held, "{% include '_part.liquid' %}", locals)
			var te *jsrt.TimeoutError
			if !errors.As(err, &te) || te.Limit != 20*time.Millisecond {
				t.Errorf("err = %v, want the time limit", err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > int64(cap(slots())) {
		t.Errorf("%d renders ran at once, more than the %d slots", p, cap(slots()))
	}
	// Every slot is taken by a render past its limit: a new one waits for
	// them within its own limit.
	if n := running.Load(); n != int64(cap(slots())) {
		t.Errorf("%d renders left running, want every slot (%d) taken", n, cap(slots()))
	}
	if _, err := r.Render(context.Background(), 20*time.Millisecond, Source{}, "{{ n }}", locals); err == nil || !strings.Contains(err.Error(), "Liquid renders still running") {
		t.Errorf("with every slot taken: err = %v, want it to say why it waited", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := r.Render(ctx, time.Minute, Source{}, "{{ n }}", locals); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past the context's deadline: err = %v", err)
	}
	// Once the held renders end, renders run again.
	releaseOnce.Do(func() { close(release) })
	if out, err := r.Render(context.Background(), time.Minute, Source{}, "{% for i in (1..n) %}{{ i }}{% endfor %}", locals); err != nil || out != "123" {
		t.Errorf("after the held renders ended: %q, %v", out, err)
	}
}

// Includes are found next to the including file, then in Source.Dirs;
// CheckInclude confines them; a file including itself stops at the bound
// instead of overflowing the Go stack (it took the process down).
func TestInclude(t *testing.T) {
	root := testfs.Tree(t, map[string]string{
		"tmpl/gen/new/a.liquid":         "x",
		"tmpl/gen/new/_part.liquid":     "[{{ name }}{% assign name = 'changed' %}{% include 'sub/_deep.liquid' %}]",
		"tmpl/gen/new/sub/_deep.liquid": "<{% include '_leaf.liquid' %}>",
		"tmpl/gen/new/sub/_leaf.liquid": "leaf {{ name }}",
		"tmpl/shared/_root.liquid":      "from the root",
		"proj/_proj.liquid":             "from the project",
		"tmpl/gen/new/_self.liquid":     "{% include '_self.liquid' %}",
		"outside.liquid":                "secret",
	})
	tmpl, proj := filepath.Join(root, "tmpl"), filepath.Join(root, "proj")
	confined := func(file string) error {
		for _, d := range []string{tmpl, proj} {
			if file == d || strings.HasPrefix(file, d+string(filepath.Separator)) {
				return nil
			}
		}
		return errors.New("outside")
	}
	src := Source{File: filepath.Join(tmpl, "gen/new/a.liquid"), Dirs: []string{tmpl, proj}, CheckInclude: confined}
	locals := jsvalue.NewObject()
	locals.Set("name", "web")
	var r Renderer
	for _, tt := range []struct{ text, want, errHas string }{
		// The variables are the includer's; what the include assigns stays
		// in it; a nested include is found next to the file that names it.
		{text: "{% include '_part.liquid' %} {{ name }}", want: "[web<leaf changed>] web"},
		{text: "{% include 'shared/_root.liquid' %}", want: "from the root"},
		{text: "{% include '_proj.liquid' %}", want: "from the project"},
		{text: "{% include '_self.liquid' %}", errHas: "includes nested more than 64 deep"},
		{text: "{% include '../../../outside.liquid' %}", errHas: `include "../../../outside.liquid": ` + filepath.Join(root, "outside.liquid") + ": outside"},
		{text: "{% include '" + filepath.Join(root, "outside.liquid") + "' %}", errHas: "outside"},
		// Found nowhere it may be read, but led out of the templates root
		// by "..": refused as the absolute name is, not "not found".
		{text: "{% include '../outside.liquid' %}", errHas: `include "../outside.liquid": ` + filepath.Join(root, "outside.liquid") + ": outside"},
		{text: "{% include 'nope.liquid' %}", errHas: "not found in the template's folder"},
		{text: "{% include 3 %}", errHas: "include wants the name of a file, got 3"},
	} {
		got, err := r.Render(context.Background(), 5*time.Second, src, tt.text, locals)
		switch {
		case tt.errHas == "" && (err != nil || got != tt.want):
			t.Errorf("%s = %q, %v; want %q", tt.text, got, err, tt.want)
		case tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)):
			t.Errorf("%s = %q, %v; want an error with %q", tt.text, got, err, tt.errHas)
		}
	}
}

// An include cannot print a process's environment, which holds the
// credentials process.env leaves out, even where it may read anything
// (no CheckInclude: --allow-outside): not named, nor through a link.
func TestIncludeRefusesTheEnvironment(t *testing.T) {
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc/self/environ here")
	}
	dir := t.TempDir()
	if err := os.Symlink("/proc/self/environ", filepath.Join(dir, "env.liquid")); err != nil {
		t.Fatal(err)
	}
	src := Source{File: filepath.Join(dir, "a.liquid")}
	var r Renderer
	for _, text := range []string{"{% include '/proc/self/environ' %}", "{% include '/proc/thread-self/environ' %}", "{% include 'env.liquid' %}"} {
		got, err := r.Render(context.Background(), 5*time.Second, src, text, jsvalue.NewObject())
		if err == nil || !strings.Contains(err.Error(), "is a process's environment, which templates may not read") {
			t.Errorf("%s = %d bytes, %v; want the environment refused", text, len(got), err)
		}
	}
}

// The helpers' filters take what the EJS helpers would: an array or an
// object as JavaScript's String() makes it, not in Go's syntax.
func TestFiltersOnNonStrings(t *testing.T) {
	locals := jsvalue.NewObject()
	meta := jsvalue.NewObject()
	meta.Set("k", 1.0)
	locals.Set("meta", meta)
	locals.Set("props", []any{"a", "b"})
	locals.Set("n", 3.0)
	var r Renderer
	got, err := r.Render(context.Background(), time.Second, Source{},
		"{{ meta | pascalCase }}|{{ props | pluralize }}|{{ n | ordinalize }}|{{ missing | upperCase }}|{{ 'foo-bar,baz' | split: ',' | pascalCase }}|{{ 9 | divided_by: 3 | camelCase }}", locals)
	if want := "ObjectObject|a,bs|3rd||FooBarBaz|3"; err != nil || got != want {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

// waitForNoRenders reports whether every render of the process, those
// left running past their limits included, has ended within the time given.
func waitForNoRenders(within time.Duration) bool {
	for end := time.Now().Add(within); running.Load() > 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			return false
		}
	}
	return true
}

// A render left running past its limit ends at its next loop iteration,
// wherever the loop is. Before, a loop that wrote nothing ran to its end,
// taking a core, and one inside a capture grew the captured text until
// the process ran out of memory: n is hours of looping here.
func TestStoppedLoopsEnd(t *testing.T) {
	if !waitForNoRenders(30 * time.Second) {
		t.Fatal("renders of earlier tests still running")
	}
	root := testfs.Tree(t, map[string]string{"_loop.liquid": "{% for i in (1..n) %}{% endfor %}"})
	locals := jsvalue.NewObject()
	locals.Set("n", 1e9)
	locals.Set("empty", []any{})
	var r Renderer
	for _, text := range []string{
		"{% for i in (1..n) %}{% endfor %}",
		"{% for i in (1..n) %}row {{ i }}\n{% endfor %}",
		"{%- for i in (1..n) -%} row {{ i }} {%- endfor -%}", // output held back for whitespace control
		"{% capture c %}{% for i in (1..n) %}y{% endfor %}{% endcapture %}",
		"{% tablerow i in (1..n) %}{% endtablerow %}",
		"{% for a in (1..2) %}{% for b in (1..n) %}{% endfor %}{% endfor %}",
		"{% if true %}{% else %}{% endif %}{% case 1 %}{% when 1 %}{% for i in (1..n) %}{% endfor %}{% endcase %}",
		"{% for e in empty %}{% else %}{% for i in (1..n) %}{% endfor %}{% endfor %}",
		"{% include '_loop.liquid' %}",
	} {
		_, err := r.Render(context.Background(), 50*time.Millisecond, Source{Dirs: []string{root}}, text, locals)
		var te *jsrt.TimeoutError
		if !errors.As(err, &te) {
			t.Fatalf("%s: err = %v, want the time limit", text, err)
		}
		if !waitForNoRenders(10 * time.Second) {
			t.Fatalf("%s: still rendering 10 s after its limit", text)
		}
	}
}

// The check each loop iteration makes changes no output: whitespace
// control around and inside loops, break, continue, cycle, forloop and
// the else of an empty loop render as osteele/liquid renders them
// without it, and the binding it reads prints nothing.
func TestLoopCheckKeepsOutput(t *testing.T) {
	bindings := map[string]any{"xs": []any{"a", "b", "c"}, "empty": []any{}, "n": 4}
	var r Renderer
	locals := jsvalue.NewObject()
	for k, v := range bindings {
		locals.Set(k, v)
	}
	plain := liquid.NewEngine()
	for _, text := range []string{
		"{% for x in xs %} {{ x }} {% endfor %}",
		"a  \n{%- for x in xs -%}\n  {{ x }}  \n{%- endfor -%}\n  b",
		"{% for x in xs %}{%- if x == 'b' -%} {% continue %}{%- endif %} {{ x }}{% endfor %}",
		"{% for x in xs %}{% assign y = x -%}   {{ y }}{%- if forloop.last %}!{% endif %}\n{% endfor %}",
		"{% for x in xs %}  {%- cycle 'o', 'e' -%}  {% if x == 'b' %}{% break %}{% endif %}{% endfor %}",
		"{% for i in (1..n) reversed limit: 2 offset: 1 %}{{ forloop.index }}:{{ i }} {% endfor %}",
		"{% for e in empty %}x{% else %}  none  {%- endfor %}",
		"{% tablerow x in xs cols: 2 %} {{ x }} {% endtablerow %}",
		"{% capture c %}{% for x in xs %}{{ x }}{% for y in xs -%} {{ y }}{%- endfor %}{% endfor %}{% endcapture %}[{{ c }}]",
		"[{{ __hypergen_render_stop }}]",
	} {
		want, perr := plain.ParseAndRenderString(text, bindings)
		if perr != nil {
			t.Fatalf("%s: %v", text, perr)
		}
		if text == "[{{ __hypergen_render_stop }}]" {
			want = "[]"
		}
		got, err := r.Render(context.Background(), time.Second, Source{}, text, locals)
		if err != nil || got != want {
			t.Errorf("%s:\n got %q, %v\nwant %q", text, got, err, want)
		}
	}
}

// An output or tag never closed, a raw block never ended, or an empty tag
// is an error on its line, as in Shopify's Liquid: it was written out as
// text. An inline comment renders as nothing, lines after it keeping their
// numbers.
func TestCheckTags(t *testing.T) {
	var r Renderer
	locals := jsvalue.NewObject()
	locals.Set("name", "x")
	for text, want := range map[string]string{
		"a\nHello {{ name ":                       `line 2: Liquid: "{{" is not closed by "}}"`,
		"{{ name }} and {% if name":               `line 1: Liquid: "{%" is not closed by "%}"`,
		"{% raw %}{{ name }} never closed":        `line 1: Liquid: "raw" block never closed`,
		"{{ name }}{% raw %}{{ a }}{% endraw %}}": "",
		"{%- raw -%}{{%- endraw -%}":              "",
		"{{ name }} }} %} stray closers":          "",
		// An opener inside a tag's string is the tag's.
		`{% assign open = "{{" %}{{ open }}`: "",
		`{{ "{%" | size }}`:                  "",
		"{ a } {{ name }} {":                 "",
		"a\nb {{ }}":                         `line 2: Liquid: {{ }} is empty`,
		"{{}}":                               `line 1: Liquid: {{}} is empty`,
		"x {%- -%}":                          `line 1: Liquid: {%- -%} is empty`,
		"{% # a\nnote %}\n{% if %}":          `line 3: Liquid`,
		// liquidjs refuses it ("invalid capture name"); osteele/liquid
		// captured into a variable nothing could read.
		"a\n{%- capture -%}x{% endcapture %}":     `line 2: Liquid: {%- capture -%} needs the name`,
		"{% capture n %}x{% endcapture %}{{ n }}": "",
	} {
		_, err := r.Render(context.Background(), time.Second, Source{}, text, locals)
		if want == "" {
			if err != nil {
				t.Errorf("%q: %v", text, err)
			}
			continue
		}
		var le *Error
		if !errors.As(err, &le) || !strings.HasPrefix(fmt.Sprintf("line %d: %s", le.Line, le.Msg), want) {
			t.Errorf("%q: %v, want %s", text, err, want)
		}
	}
}

// TestInlineComments: {% # note %} and {%# note %} render as nothing, with
// their whitespace control; in a raw block they are text.
func TestInlineComments(t *testing.T) {
	var r Renderer
	for text, want := range map[string]string{
		"A {%# TODO: remove %}|B {% # note %}|": "A |B |",
		"a  {%- # trimmed both ways -%}  b":     "ab",
		"{% raw %}{% # kept %}{% endraw %}":     "{% # kept %}",
		// Inside a comment block, anything goes, as in liquidjs.
		"a{% comment %}{% # x %}{{ }}{% %}{% endcomment %}b": "ab",
	} {
		got, err := r.Render(context.Background(), time.Second, Source{}, text, jsvalue.NewObject())
		if err != nil || got != want {
			t.Errorf("%q = %q, %v; want %q", text, got, err, want)
		}
	}
}

// BenchmarkCheckTags: the check reads a large text once (searched anew at
// every tag, 1.4 MB of "{{ a }}" took 17 s).
func BenchmarkCheckTags(b *testing.B) {
	text := strings.Repeat("{{ a }}", 200_000)
	for b.Loop() {
		if _, err := checkTags(text); err != nil {
			b.Fatal(err)
		}
	}
}

// A render its time limit stopped that runs on (here an include the
// host's CheckInclude holds up; a loop would stop at its next iteration)
// is reported through Source.Stuck once the grace has passed, and what
// Stuck returned is called when it ends: the agent and library hosts were
// never told it kept a slot.
func TestStuckRenderIsReported(t *testing.T) {
	defer func(g time.Duration) { stuckGrace = g }(stuckGrace)
	stuckGrace = 100 * time.Millisecond
	locals := jsvalue.NewObject()
	locals.Set("n", 3)
	reported, ended, release := make(chan error, 1), make(chan struct{}), make(chan struct{})
	src := Source{
		CheckInclude: func(string) error { <-release; return nil },
		Stuck: func(err error) func() {
			reported <- err
			close(release)
			return func() { close(ended) }
		},
	}
	var r Renderer
	_, err := r.Render(context.Background(), 50*time.Millisecond, src, "{% include '_part.liquid' %}", locals)
	var te *jsrt.TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want the time limit", err)
	}
	select {
	case err := <-reported:
		var se *jsrt.StuckError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "a Liquid render") || !strings.Contains(err.Error(), "inside one step of a Liquid template") {
			t.Errorf("reported %v, want a StuckError naming the Liquid render and where it is stuck", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the render still running past its grace was not reported")
	}
	select {
	case <-ended:
	case <-time.After(60 * time.Second):
		t.Fatal("its end was not reported")
	}
	// One that ends within its limit is not.
	src.Stuck = func(err error) func() { t.Errorf("reported %v", err); return nil }
	if _, err := r.Render(context.Background(), time.Second, src, "{{ n }}", locals); err != nil {
		t.Fatal(err)
	}
}

// TestStandardFilters: Shopify's filters that osteele/liquid lacks or had
// in a form that panicked, and objects walked in their keys' order. The
// wants are liquidjs 10's output for the same template and data.
func TestStandardFilters(t *testing.T) {
	locals := jsvalue.NewObject()
	locals.Set("name", "ab")
	locals.Set("word", "Liquid")
	locals.Set("arr", []any{"a", "b", "c"})
	locals.Set("nums", []any{1.0, "2", 3.5, "x"})
	person := func(n string, age float64, admin any) *jsvalue.Object {
		p := jsvalue.NewObject()
		p.Set("n", n)
		p.Set("age", age)
		if admin != nil {
			p.Set("admin", admin)
		}
		return p
	}
	locals.Set("people", []any{person("a", 3, true), person("b", 5, false), person("c", 3, nil)})
	meta := jsvalue.NewObject()
	for i, k := range []string{"z", "b", "m", "a", "q", "c"} {
		meta.Set(k, float64(i+1))
	}
	locals.Set("meta", meta)
	tests := []struct{ tmpl, want string }{
		{"{{ name | slice: 3 }}", ""},
		{"{{ word | slice: 0 }}", "L"},
		{"{{ word | slice: 2, 5 }}", "quid"},
		{"{{ word | slice: -3, 2 }}", "ui"},
		{"{{ word | slice: 2, 100 }}", "quid"},
		{"{{ word | slice: 6 }}", ""},
		{"{{ word | slice: -10 }}", ""},
		{"{{ word | slice: 1, -1 }}", ""},
		{`{{ arr | slice: 1, 2 | join: "+" }}`, "b+c"},
		{"{{ arr | slice: 5 | size }}", "0"},
		{"{{ 4 | at_least: 5 }} {{ 4 | at_most: 5 }} {{ 4.5 | at_least: 2 }}", "5 4 4.5"},
		{"{{ nums | sum }}", "6.5"},
		// Whole results are ints, as Liquid wants a range's bound.
		{"{% assign n = 2 | at_least: 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}", "123"},
		{`{% assign n = people | sum: "age" %}{% for i in (10..n) %}{{ i }}{% endfor %}`, "1011"},
		{`{{ "aGk" | base64_url_safe_decode }} {{ "aGk=" | base64_url_safe_decode }}`, "hi hi"},
		{`{{ people | sum: "age" }}`, "11"},
		{`{{ people | where: "admin" | map: "n" | join }}`, "a"},
		{`{{ people | where: "age", 3 | map: "n" | join }}`, "a c"},
		{`{{ people | reject: "age", 3 | map: "n" | join }}`, "b"},
		{`{% assign p = people | find: "n", "b" %}{{ p.age }}`, "5"},
		{`{{ "a-b-a" | remove_last: "a" }} {{ "a-b-a" | replace_last: "a", "c" }}`, "a-b- a-b-c"},
		{`{{ "hi" | base64_encode }} {{ "aGk=" | base64_decode }}`, "aGk= hi"},
		{"{% for kv in meta %}{{ kv[0] }}={{ kv[1] }};{% endfor %}", "z=1;b=2;m=3;a=4;q=5;c=6;"},
		{"{{ meta }} {{ meta.q }} {{ meta.size }}", "[object Object] 5 6"},
		// In its key order, as JSON.stringify writes it, and its keys
		// counted, as in liquidjs: they were sorted, and size was 0.
		{"{{ meta | json }} {{ meta | size }} {{ people | first | json }}", `{"z":1,"b":2,"m":3,"a":4,"q":5,"c":6} 6 {"n":"a","age":3,"admin":true}`},
		// As liquidjs: json's indentation (JSON.stringify's space) and <, >
		// and & as they are (Go's json escaped them, and took no space);
		// map of one object; arguments a filter does not take ignored (they
		// were errors: "wrong number of arguments").
		{"{{ arr | json: 2 }}|{{ people | first | json: '--' }}|{{ '<a>&' | json: 20 }}", "[\n  \"a\",\n  \"b\",\n  \"c\"\n]|{\n--\"n\": \"a\",\n--\"age\": 3,\n--\"admin\": true\n}|\"<a>&\""},
		{`{{ people | find: "age", 5 | map: "n" | join: "," }} {{ people | map: "n" | join: "," }}`, "b a,b,c"},
		{"{{ 3.7 | floor: 5 }} {{ arr | first: 2 }} {{ 'abc' | upcase: 1, 2 }} {{ 5 | plus: 1, 2 }}", "3 a ABC 6"},
		// Filters osteele/liquid has, with liquidjs's results (those of
		// liquidjs 10.31 for the same text and locals).
		{`{{ word | truncate: 2 }}|{{ word | truncate: 5 }}|{{ word | truncate: 6 }}|{{ "héllo wörld" | truncate: 6 }}|{{ word | truncate: 4, "…" }}`, "...|Li...|Liquid|hél...|Liq…"},
		{`{{ "a b c" | truncatewords: 0 }}|{{ "a  b" | truncatewords: 2 }}|{{ "a  b " | truncatewords: 2 }}|{{ " a  b  c" | truncatewords: 2, "!" }}`, "a...|a  b|a b...|a b!"},
		{`{{ 3 | divided_by: 2 }} {{ 6 | divided_by: 3 }} {{ 7 | divided_by: 2, true }} {{ "6" | divided_by: "4" }}`, "1.5 2 3 1.5"},
		{`{% assign n = 6 | divided_by: 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}`, "12"},
		// The third argument rounds down when it is a number other than 0
		// ("yes" is not one); a remainder has the divisor's sign.
		{`{{ 5 | divided_by: 2, "yes" }} {{ 5 | divided_by: 2, 0 }} {{ 5 | divided_by: 2, "1" }} {{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ 5.5 | modulo: 2 }}`, "2.5 2.5 2 2 -2 1.5"},
		{`{{ 1000000000 | date: "%Y" }} {{ "1000000000" | date: "%Y" }} {{ "2020-01-02T12:00:00" | date: "%b %d, %Y" }}`, "2001 2001 Jan 02, 2020"},
		{`{{ word | reverse }} {{ arr | reverse | join: "" }} {{ arr | join: "" }} {{ nothing | reverse | size }}`, "Liquid cba abc 0"},
		// An undefined variable as a value or an optional argument, and
		// text that is no date.
		{`[{{ nothing | date: "%Y" }}][{{ "" | date: "%Y" }}][{{ "junk" | date: "%Y" }}][{{ 1000000000 | date: nothing | split: " " | size }}]`, "[][][junk][8]"},
		{`{{ word | truncate: 4, nothing }}|{{ "a b c" | truncatewords: 1, nothing }}|{{ word | truncate: nothing }}`, "L...|a...|Liquid"},
		{`{{ "a,b" | split: "," | join: nothing }}|{{ "a,b" | split: "," | join: nil }}|{{ "a,b" | split: "," | join }}|{{ "hello" | slice: 1, nothing }}|{{ "hello" | slice: 1 }}`, "a b|a b|a b|e|e"},
		{"{% capture x %}a\nb\r\nc{% endcapture %}{{ x | newline_to_br }}", "a<br />\nb<br />\nc"},
		{"{% capture x %}a\r\nb\rc\nd{% endcapture %}[{{ x | strip_newlines }}]", "[ab\rcd]"},
		// Liquid's text filters take an array as liquidjs does, its items
		// joined with nothing between them, as {{ arr }} prints it: Go's
		// "[a b c]" was base64-encoded, or lost an item and kept its spaces.
		{`{{ arr | base64_encode }} {{ arr | remove_last: "b" }} {{ arr | replace_last: "c", "x" }} {{ arr | upcase }} {{ "x" | append: arr }} {{ arr | remove: "b" }}`, "YWJj ac abx ABC xabc ac"},
		{`{{ arr | replace: "b", "-" }} {{ arr | split: "b" | join: "+" }} {{ arr | url_encode }} {{ arr | escape }} {{ arr | truncate: 2, "" }} {{ arr | slice: 1 }}`, "a-c a+c abc abc ab b"},
		{`{{ arr | newline_to_br }} {{ arr | strip_newlines }} {{ arr | strip }} {{ arr | capitalize }} {{ arr | date: "%Y" }} {{ meta | upcase }}`, "abc abc abc Abc abc [OBJECT OBJECT]"},
		// An undefined variable as an argument counts as liquidjs counts
		// it: not given when optional (round and sum failed, "can't
		// convert <nil>(<nil>)"), empty text, 0.
		{`{{ 3.14159 | round: nothing }} {{ nums | sum: nothing }} {{ people | where: nothing | size }} {{ 5 | plus: nothing }} {{ "ab" | append: nothing }} {{ "ab" | replace: nothing, "-" }}`, "3 6.5 0 5 ab a-b"},
		{`{{ "é" | capitalize }} {{ "hELLO wORLD" | capitalize }}|{{ "" | capitalize }}`, "É Hello world|"},
		// An empty text replaced, as in liquidjs: between the characters.
		{`{{ "abc" | replace: "", "-" }}`, "a-b-c"},
	}
	var r Renderer
	for _, tt := range tests {
		// Ten times: a Go map's order changes from one walk to the next.
		for range 10 {
			got, err := r.Render(context.Background(), time.Second, Source{}, tt.tmpl, locals)
			if err != nil || got != tt.want {
				t.Errorf("Render(%q) = %q, %v; want %q", tt.tmpl, got, err, tt.want)
				break
			}
		}
	}
}

// TestEnginePanicsAreErrors: a panic inside osteele/liquid, rendering
// (here a filter that panics, as its slice did), is the template's error;
// on the render's own goroutine it ended the process, and an agent with
// it. (Its lexer panicked on a 20-digit literal, which is now rewritten
// before it reads it: see TestLongNumbers.)
func TestEnginePanicsAreErrors(t *testing.T) {
	var r Renderer
	r.once.Do(r.init)
	r.engine.RegisterFilter("boom", func(string) string { panic("index out of range") })
	for _, tmpl := range []string{"{{ name | boom }}"} {
		_, err := r.Render(context.Background(), time.Second, Source{}, tmpl, jsvalue.NewObject())
		var le *Error
		if !errors.As(err, &le) || !strings.Contains(le.Msg, "the template engine failed") {
			t.Errorf("Render(%q): err = %v, want a Liquid error", tmpl, err)
		}
	}
}

// TestDateInLocalTime: a date with a zone, or in another form JavaScript
// reads, is an instant that liquidjs prints in local time (each want is
// liquidjs 10.31's with TZ=America/New_York, in January). The zone named
// was kept.
func TestDateInLocalTime(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.FixedZone("EST", -5*3600)
	tmpl := `{{ "2024-01-15T10:20:00Z" | date: "%Y-%m-%d %H:%M %z" }}|{{ "2024-01-15T10:20:00+05:00" | date: "%Y-%m-%d %H:%M %z" }}|` +
		`{{ "Mon, 15 Jan 2024 10:00:00 GMT" | date: "%H:%M" }}|{{ "2024/01/15" | date: "%Y-%m-%d %H:%M" }}|` +
		`{{ "2024-01-15" | date: "%Y-%m-%d %H:%M" }}|{{ "2024-01-15T10:20:00" | date: "%H:%M" }}`
	want := "2024-01-15 05:20 -0500|2024-01-15 00:20 -0500|05:00|2024-01-15 00:00|2024-01-14 19:00|10:20"
	var r Renderer
	if got, err := r.Render(context.Background(), time.Second, Source{}, tmpl, jsvalue.NewObject()); err != nil || got != want {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
}

// A render is stopped by the memory limit as JavaScript is: a string
// doubling itself in a loop grew to 1.6 GB before a 5 s time limit stopped
// it. With a limit every heap is past, a long loop is stopped at the first
// check, long before its time limit, and ends at its next iteration.
func TestRenderStopsAtTheMemoryLimit(t *testing.T) {
	if !waitForNoRenders(30 * time.Second) {
		t.Fatal("renders of earlier tests still running")
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1))
	var r Renderer
	_, err := r.Render(context.Background(), 20*time.Second, Source{}, "{% for i in (1..1000000000) %}{% endfor %}", jsvalue.NewObject())
	var me *jsrt.MemoryError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v; want the memory limit", err)
	}
	if !waitForNoRenders(30 * time.Second) {
		t.Error("the render stopped for memory did not end")
	}
}
