package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A long-lived Engine (the agent's) that meets thousands of distinct
// templates must hold memory bounded by its cache budget, not by how many
// templates it ever saw: evicted compiled templates must be freed, which
// runtimes kept between runs prevented.
func TestManyDistinctTemplatesLevelOff(t *testing.T) {
	if testing.Short() {
		t.Skip("drives 5,000 generations")
	}
	const runs, step = 5000, 500
	dir := testfs.Tree(t, map[string]string{"_templates/g/new/a.t": ""})
	tmpl := filepath.Join(dir, "_templates/g/new/a.t")
	e := New(Config{Cwd: dir, Parallelism: 1})
	e.TemplateCache().SetBudget(1 << 20)
	var levels []uint64
	for i := 1; i <= runs; i++ {
		body := fmt.Sprintf("---\nto: out.txt\n---\n<%% const v%d = [%d, name].join('-') %%>\n<%%= v%d %%> <%%= h.changeCase.camelCase('row %d of the template') %%>\n", i, i, i, i)
		if err := os.WriteFile(tmpl, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Run(context.Background(), []string{"g", "new", "x", "--dry"}); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		if i%step == 0 {
			levels = append(levels, heapInUse())
		}
	}
	t.Logf("heap after every %d distinct templates (MB): %v; cache %+v", step, megabytes(levels), e.TemplateCache().Stats())
	// The cache is full (1 MB) before the first checkpoint; later the heap
	// may move by about what one budget holds, not grow with the templates.
	for i, l := range levels[1:] {
		if grew := int64(l) - int64(levels[0]); grew > 4<<20 {
			t.Errorf("after %d templates the heap is %d KB above its level after %d: memory does not level off", (i+2)*step, grew>>10, step)
		}
	}
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func megabytes(bs []uint64) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = fmt.Sprintf("%.1f", float64(b)/(1<<20))
	}
	return out
}
