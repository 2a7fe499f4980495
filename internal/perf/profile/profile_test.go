package profile

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

func TestRecorderTimesEveryPhase(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/g/new/a.t": "---\nto: a.txt\n---\n<%= name %>",
		"_templates/g/new/b.t": "---\nto: b.txt\n---\n<%= h.changeCase.snakeCase(name) %>",
	})
	rec := &Recorder{}
	rec.Start(time.Now().Add(-time.Millisecond))
	e := generator.New(generator.Config{Cwd: dir, Observer: rec})
	if _, err := e.Run(context.Background(), []string{"g", "new", "x"}); err != nil {
		t.Fatal(err)
	}
	run := rec.Last()
	for _, p := range order {
		if d, ok := run.Phases[p]; !ok || d < 0 {
			t.Errorf("phase %s: %v, %v", p, d, ok)
		}
	}
	if run.Files != 2 || run.Phases["setup"] < time.Millisecond || run.Total < run.Phases["setup"] {
		t.Errorf("run = %+v", run)
	}
	var out bytes.Buffer
	run.Print(&out, "note: extra")
	for _, want := range append(order, "total", "over 2 files", "note: extra") {
		if !strings.Contains(out.String(), want) {
			t.Errorf("profile lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEnabled(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	for v, want := range map[string]bool{"": false, "true": true, "1": true, "false": false} {
		if got, err := Enabled(env(v)); got != want || err != nil {
			t.Errorf("%q: %v, %v", v, got, err)
		}
	}
	if _, err := Enabled(env("yes please")); err == nil || !strings.Contains(err.Error(), EnvProfileStartup) {
		t.Errorf("bad value: err = %v", err)
	}
}
