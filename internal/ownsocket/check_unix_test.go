//go:build unix

package ownsocket

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"testing"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "own.sock")
	ln, err := net.Listen("unix", own)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Check(own); err != nil {
		t.Errorf("own socket: %v", err)
	}
	if err := Check(filepath.Join(dir, "missing.sock")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing socket: %v, want not-exist", err)
	}
	if err := Check(file); err == nil || errors.As(err, new(*ForeignError)) {
		t.Errorf("a plain file: %v, want an error that it is not a socket", err)
	}
	if os.Geteuid() != 0 {
		t.Skip("only root can give the socket to another user")
	}
	if err := os.Chown(own, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	var foreign *ForeignError
	if err := Check(own); !errors.As(err, &foreign) || foreign.Owner != 65534 || foreign.User != 0 {
		t.Errorf("another user's socket: %v, want a ForeignError naming 65534 and 0", err)
	}
}
