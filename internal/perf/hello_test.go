package perf

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// go's work folder is made inside the build's own temporary folder, which
// is removed whatever happens to the build: a go killed by Ctrl-C left a
// go-build* folder in $TMPDIR. A stand-in go on PATH fails its build after
// making its work folder where GOTMPDIR says.
func TestHelloWorldLeavesNothingInTMPDIR(t *testing.T) {
	bin, tmp := t.TempDir(), t.TempDir()
	fake := "#!/bin/sh\nif [ \"$1\" = env ]; then echo go1.99; exit 0; fi\n/bin/mkdir \"${GOTMPDIR:-$TMPDIR}/go-build123\" && exit 1\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("TMPDIR", tmp)
	if _, err := HelloWorld(context.Background(), t.TempDir()); err == nil {
		t.Fatal("the stand-in go's build failed, yet HelloWorld did not")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in TMPDIR: %v", left)
	}
}
