//go:build unix

package sockclaim

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// socketPath is a fresh socket path short enough for an address.
func socketPath(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("/tmp", "claim")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "s.sock")
}

// stale leaves a socket at path with nothing listening, as a killed
// listener does.
func stale(t *testing.T, path string) {
	t.Helper()
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
}

func TestClaim(t *testing.T) {
	t.Run("stale socket is replaced", func(t *testing.T) {
		path := socketPath(t)
		stale(t, path)
		unlock, err := Claim(path, "unix")
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		ln, err := net.Listen("unix", path)
		if err != nil {
			t.Fatalf("listening after the claim: %v", err)
		}
		ln.Close()
	})
	t.Run("live socket is refused", func(t *testing.T) {
		path := socketPath(t)
		ln, err := net.Listen("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		if unlock, err := Claim(path, "unix"); err == nil || !strings.Contains(err.Error(), "another process is listening") {
			if err == nil {
				unlock()
			}
			t.Errorf("Claim on a live socket = %v", err)
		}
	})
	t.Run("a file is refused and kept", func(t *testing.T) {
		path := socketPath(t)
		if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Claim(path, "unix"); err == nil || !strings.Contains(err.Error(), "not a socket") {
			t.Errorf("Claim on a file = %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "keep me" {
			t.Errorf("the file became %q", b)
		}
		if _, err := os.Stat(path + ".lock"); err == nil {
			t.Error("a lock file was left beside the refused path")
		}
	})
	t.Run("held lock is refused", func(t *testing.T) {
		path := socketPath(t)
		unlock, err := Claim(path, "unix")
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		if second, err := Claim(path, "unix"); err == nil {
			second()
			t.Error("a second claim of a held path succeeded")
		}
	})
}

// Two listeners starting at once on a stale socket: one claims it, the
// other is refused (without the lock, both listened, one on a socket whose
// path the other had removed).
func TestClaimRace(t *testing.T) {
	for range 20 {
		path := socketPath(t)
		stale(t, path)
		var errs [2]error
		var unlocks [2]func()
		var wg sync.WaitGroup
		for j := range errs {
			wg.Go(func() { unlocks[j], errs[j] = Claim(path, "unix") })
		}
		wg.Wait()
		won := 0
		for j := range errs {
			if errs[j] == nil {
				won++
				unlocks[j]()
			}
		}
		if won != 1 {
			t.Fatalf("%d claims won: %v, %v", won, errs[0], errs[1])
		}
	}
}

// The lock file beside the socket is not followed if it is a link: in a
// shared folder another user's link made an agent running as root create
// a file wherever it led.
func TestLockFileIsNotFollowed(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	if err := os.Symlink(target, filepath.Join(dir, "s.sock.lock")); err != nil {
		t.Fatal(err)
	}
	if unlock, err := Claim(filepath.Join(dir, "s.sock"), "unix"); err == nil {
		unlock()
		t.Error("a lock file that is a link was taken")
	}
	if _, err := os.Lstat(target); err == nil {
		t.Error("the link's target was created")
	}
}
