//go:build unix

package spanrelay

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// TestShutdownDrainsAfterASlowForward: a Forward that waits longer than
// the quiet period (an export queue full for a while) must not make
// Shutdown drop datagrams that queued meanwhile: their senders were told
// they were delivered.
func TestShutdownDrainsAfterASlowForward(t *testing.T) {
	path := socketPath(t)
	var s sink
	entered := make(chan struct{})
	var once sync.Once
	fwd := func(spans []sdktrace.ReadOnlySpan) {
		first := false
		once.Do(func() { first = true; close(entered) })
		if first {
			time.Sleep(400 * time.Millisecond) // export queue full for a while
		}
		s.forward(spans)
	}
	var log bytes.Buffer
	r, _ := NewReceiver(Config{Path: path, Forward: fwd, Counted: s.counted, Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err := r.Start(); err != nil {
		t.Fatal(err)
	}
	n1, err := runRelayed(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	<-entered
	n2, err := runRelayed(path, 4) // queued in the socket: the sender is done
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.totals(); int64(got) != n1+n2 {
		t.Errorf("forwarded %d spans; the socket took %d", got, n1+n2)
	}
}

// TestClaimRace: two receivers starting at once on a stale socket: one
// wins, the other is refused (without the lock, both started, one on a
// socket whose path the other had removed).
func TestClaimRace(t *testing.T) {
	both := 0
	for i := 0; i < 20 && both == 0; i++ {
		path := socketPath(t)
		c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		var rs [2]*Receiver
		var errs [2]error
		var wg sync.WaitGroup
		for j := range rs {
			rs[j], _ = NewReceiver(Config{Path: path, Forward: func([]sdktrace.ReadOnlySpan) {}})
			wg.Go(func() { errs[j] = rs[j].Start() })
		}
		wg.Wait()
		if errs[0] == nil && errs[1] == nil {
			both++
		}
		started := 0
		for j := range rs {
			if errs[j] == nil {
				started++
				rs[j].Shutdown(context.Background())
			}
		}
		if started == 0 {
			t.Fatalf("neither receiver started: %v, %v", errs[0], errs[1])
		}
	}
	if both > 0 {
		t.Errorf("both receivers started on one path (one of them on an unlinked socket)")
	}
}

// TestShutdownTwice: a second Shutdown returns, as the agent's may call it
// after a failed Start.
func TestShutdownTwice(t *testing.T) {
	path := socketPath(t)
	var s sink
	var log bytes.Buffer
	r := startReceiver(t, path, &s, &log)
	_ = r.Shutdown(context.Background())
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("second Shutdown panicked: %v", p)
		}
	}()
	_ = r.Shutdown(context.Background())
}
