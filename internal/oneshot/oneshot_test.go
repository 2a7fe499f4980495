//go:build unix

package oneshot

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestRelayedRun: with a relay socket, a run's record reaches it in one
// datagram and nothing is exported; a run that never started sends
// nothing; with no agent and no endpoint, the run says where its spans
// were to go.
func TestRelayedRun(t *testing.T) {
	path := filepath.Join(testenv.SocketDir(t), "s")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	s := Settings{Relay: path, Timeout: time.Second, Resource: map[string]string{"service.name": "relay"}}
	ctx := context.Background()

	var errOut bytes.Buffer
	tel := Start(s, "v", &errOut)
	obs := tel.Observer()
	obs.RunDone(obs.RunStart(ctx, nil), &generator.Result{Generator: "g", Action: "a"}, nil)
	if err := tel.Shutdown(ctx); err != nil || !tel.Relayed() || errOut.Len() != 0 {
		t.Fatalf("Shutdown() = %v, Relayed() = %v, stderr %q: want the record relayed, silently", err, tel.Relayed(), errOut.String())
	}
	buf := make([]byte, 1<<16)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, err := conn.Read(buf)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := runrecord.Decode(buf[:n])
	if err != nil || len(rec.Events) != 2 {
		t.Fatalf("the datagram: %d events, %v; want the run's start and end", len(rec.Events), err)
	}

	idle := Start(s, "v", &errOut)
	_ = idle.Observer()
	if err := idle.Shutdown(ctx); err != nil || idle.Relayed() {
		t.Fatalf("a run that never started: Shutdown() = %v, Relayed() = %v; want nothing sent", err, idle.Relayed())
	}
	conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if _, err := conn.Read(buf); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("a run that never started sent a datagram (%v)", err)
	}

	missing := filepath.Join(t.TempDir(), "none")
	lost := Start(Settings{Relay: missing, Timeout: time.Second}, "v", &errOut)
	obs = lost.Observer()
	obs.RunDone(obs.RunStart(ctx, nil), nil, nil)
	if err := lost.Shutdown(ctx); err == nil || !strings.Contains(errOut.String(), missing) || strings.Count(errOut.String(), "\n") != 1 {
		t.Errorf("no agent, no endpoint: Shutdown() = %v, stderr %q; want one line naming %s", err, errOut.String(), missing)
	}
}
