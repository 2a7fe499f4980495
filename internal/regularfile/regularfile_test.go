//go:build unix

package regularfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte(strings.Repeat("x", 5000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(file); err != nil || len(b) != 5000 {
		t.Errorf("a regular file: %d bytes, %v", len(b), err)
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, tt := range []struct{ path, want string }{
		{pipe, "it is a named pipe, not a regular file"}, // without O_NONBLOCK the open would wait for a writer
		{dir, "it is a folder, not a regular file"},
		{"/dev/null", "it is a character device, not a regular file"},
	} {
		_, err := ReadFile(tt.path)
		var pe *fs.PathError
		if !errors.As(err, &pe) || pe.Path != tt.path || err.Error() != "open "+tt.path+": "+tt.want {
			t.Errorf("ReadFile(%s) = %v; want %q", tt.path, err, tt.want)
		}
	}
	// Appending to a pipe nobody reads fails at once too (ENXIO).
	if f, err := OpenFile(pipe, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
		f.Close()
		t.Error("opened a named pipe for appending")
	}
}

// A file larger than MaxSize is refused before anything is allocated: a
// sparse terabyte ended the process out of memory.
func TestReadFileRefusesAHugeFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sparse")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil {
		t.Skipf("no sparse terabyte here: %v", err)
	}
	f.Close()
	_, err = ReadFile(file)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != file || !strings.Contains(err.Error(), "it holds 1099511627776 bytes, more than the 1073741824 (1 GiB) hypergen reads") {
		t.Errorf("ReadFile of a sparse terabyte = %v", err)
	}
}
