package dashboards

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesAreCurrent fails when the committed dashboards or rules
// differ from what the code generates.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	files, err := Files()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.FromSlash(name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./dashboards)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./dashboards", name)
		}
	}
	// No leftovers from a dashboard that was removed.
	paths, _ := filepath.Glob(filepath.Join("json", "*.json"))
	for _, p := range paths {
		if _, ok := files[filepath.ToSlash(p)]; !ok {
			t.Errorf("%s is not generated any more: delete it", p)
		}
	}
}
