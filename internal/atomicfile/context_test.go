package atomicfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A write whose context has ended replaces nothing and leaves no
// temporary; its error is the context's cause.
func TestWriteContextStopped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	cause := errors.New("interrupt signal received")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(cause)
	if err := WriteContext(ctx, path, make([]byte, 3*writeChunk)); !errors.Is(err, cause) {
		t.Errorf("WriteContext = %v, want the cause", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "before" {
		t.Errorf("the file became %d bytes", len(b))
	}
	if names, _ := filepath.Glob(filepath.Join(dir, ".*")); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
	if err := WriteContext(context.Background(), path, []byte("after")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "after" {
		t.Errorf("a write with a live context gave %q", b)
	}
}
