package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestEngineConcurrentRuns runs one Engine from many goroutines (run it
// with -race): shared caches, pools and statistics must hold.
func TestEngineConcurrentRuns(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"_templates/gen/new/a.ejs.t": "---\nto: out/<%= name %>/a.txt\n---\n<%= h.inflection.pluralize(name) %>\n",
		"_templates/gen/new/b.ejs.t": "---\nto: out/<%= name %>/b.txt\n---\n<%= Name %>\n",
	})
	eng := New(Config{Cwd: dir, Getenv: func(string) string { return "" }})
	const n = 24
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := eng.Run(context.Background(), []string{"gen", "new", fmt.Sprintf("item%d", i)}); err != nil {
				t.Error(err)
			}
			_ = eng.Stats()
		}()
	}
	wg.Wait()
	for i := range n {
		b, err := os.ReadFile(filepath.Join(dir, "out", fmt.Sprintf("item%d", i), "a.txt"))
		if err != nil || string(b) != fmt.Sprintf("item%ds\n", i) {
			t.Errorf("item%d: %q, %v", i, b, err)
		}
	}
	s := eng.Stats()
	if s.Runs != n || s.Failures != 0 || s.CacheHits+s.CacheMisses != 4*n {
		t.Errorf("stats = %+v", s)
	}
}
