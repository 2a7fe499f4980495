package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The HTML report's Facts read as text, not as Go's map syntax.
func TestReportFactsReadable(t *testing.T) {
	dir := project(t)
	cache := t.TempDir()
	env := []string{"HYPERGEN_CACHE_DIR=" + cache}
	if r := run(t, dir, env, "perf", "optimize"); r.code != 0 {
		t.Fatal(r)
	}
	out := filepath.Join(dir, "report.html")
	if r := run(t, dir, env, "perf", "export", "--format", "html", "--output", out); r.code != 0 {
		t.Fatal(r)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	i := strings.Index(page, "<h2>Facts</h2>")
	if i < 0 {
		t.Fatalf("no Facts section in the report")
	}
	facts := page[i:]
	facts = facts[:strings.Index(facts, "</section>")]
	if strings.Contains(facts, "map[") || !strings.Contains(facts, "memory") {
		t.Errorf("Facts: %s", facts)
	}
}
