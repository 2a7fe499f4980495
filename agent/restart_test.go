package agent

import (
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// An agent shut down right after it started gives its addresses back by
// the time Shutdown returns, so a supervisor that restarts it at once (or
// a test that reuses the port) finds them free.
func TestShutdownGivesTheAddressesBack(t *testing.T) {
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	admin := free.Addr().String()
	free.Close()
	socket := filepath.Join(t.TempDir(), "gen.sock")
	cwd := testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: out/<%= name %>.txt\n---\nhi\n"})
	for i := range 30 {
		tel, _ := telemetry(t)
		a, err := New(Config{Listen: admin, Cwd: cwd, Logger: quietLogger(), Getenv: func(string) string { return "" },
			Generate: GenerateConfig{Enabled: true, Listen: "unix:" + socket, Token: "t"}}, tel)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Start(context.Background()); err != nil {
			t.Fatalf("start %d: %v", i+1, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = a.Shutdown(ctx)
		cancel()
		if err != nil {
			t.Fatalf("shutdown %d: %v", i+1, err)
		}
		ln, err := net.Listen("tcp", admin)
		if err != nil {
			t.Fatalf("after shutdown %d the admin address is still taken: %v", i+1, err)
		}
		ln.Close()
	}
}

// Once shut down, an agent says so: Status is neither healthy nor ready
// (a library caller polling it saw a healthy agent that served nothing).
func TestStatusAfterShutdown(t *testing.T) {
	tel, _ := telemetry(t)
	a, err := New(Config{Listen: "127.0.0.1:0", Cwd: testfs.Tree(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nhi\n"}),
		ProbeInterval: -1, Logger: quietLogger(), Getenv: func(string) string { return "" }}, tel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := a.Status(); !st.Healthy || !st.Ready {
		t.Fatalf("a started agent: healthy %v, ready %v", st.Healthy, st.Ready)
	}
	if err := a.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := a.Status(); st.Healthy || st.Ready {
		t.Errorf("a shut-down agent: healthy %v, ready %v; want neither", st.Healthy, st.Ready)
	}
	if why := a.notReady(); why != ": shut down" {
		t.Errorf("not ready because %q; want it shut down", why)
	}
}
