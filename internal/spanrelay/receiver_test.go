//go:build unix

package spanrelay

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/internal/runrecord"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// sink is what a receiver passed on and counted.
type sink struct {
	mu      sync.Mutex
	spans   []sdktrace.ReadOnlySpan
	ok, bad int
}

func (s *sink) forward(spans []sdktrace.ReadOnlySpan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.spans = append(s.spans, spans...)
}

func (s *sink) counted(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.bad++
	} else {
		s.ok++
	}
}

func (s *sink) totals() (spans, ok, bad int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.spans), s.ok, s.bad
}

// socketPath is where a test's receiver listens.
func socketPath(t *testing.T) string { return filepath.Join(testenv.SocketDir(t), "s") }

func startReceiver(t *testing.T, path string, s *sink, log *bytes.Buffer) *Receiver {
	t.Helper()
	r, err := NewReceiver(Config{Path: path, Forward: s.forward, Counted: s.counted,
		Logger: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(); err != nil {
		t.Fatal(err)
	}
	return r
}

// run sends the record of one run of spans-1 templates (spans spans) as a
// CLI run does.
func run(t *testing.T, path string, spans int) error {
	_, err := runRelayed(path, spans)
	return err
}

// runRelayed is run, reporting how many spans the socket took.
func runRelayed(path string, spans int) (int64, error) {
	if err := runrecord.Send(path, record(spans)); err != nil {
		return 0, err
	}
	return int64(spans), nil
}

// TestReceiverForwardsEveryRun: 50 runs sent at once from 50 goroutines,
// then Shutdown straight away: every span the socket took is passed on,
// none twice, and the socket's path is gone. (The socket queues about ten
// datagrams, net.unix.max_dgram_qlen: a sender that finds it full for
// runrecord.SendWait gives up, which a loaded machine may make happen here;
// a CLI run would then export by itself.)
func TestReceiverForwardsEveryRun(t *testing.T) {
	path := socketPath(t)
	var s sink
	var log bytes.Buffer
	r := startReceiver(t, path, &s, &log)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("socket mode %v, want 0600: other users must not send spans", perm)
	}
	var (
		wg      sync.WaitGroup
		relayed atomic.Int64
		took    atomic.Int32
	)
	for range 50 {
		wg.Go(func() {
			n, err := runRelayed(path, 26)
			if err != nil && !errors.Is(err, syscall.EAGAIN) {
				t.Error(err)
			}
			if n > 0 {
				took.Add(1)
			}
			relayed.Add(n)
		})
	}
	wg.Wait()
	if took.Load() == 0 {
		t.Fatal("the socket took no run at all")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	spans, ok, bad := s.totals()
	if int64(spans) != relayed.Load() || int32(ok) != took.Load() || bad != 0 {
		t.Errorf("forwarded %d spans from %d requests (%d refused); the socket took %d spans in %d requests",
			spans, ok, bad, relayed.Load(), took.Load())
	}
	t.Logf("the socket took %d of 50 runs", took.Load())
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the socket's path is still there after Shutdown: %v", err)
	}
	if err := run(t, path, 3); err == nil {
		t.Error("a run after Shutdown relayed its spans to nobody")
	}
}

// TestReceiverNamesTheSender: a record sent as a CLI run sends it, without
// its process id where the kernel gives it (runrecord.KernelNamesSender),
// reaches the spans with this process's id.
func TestReceiverNamesTheSender(t *testing.T) {
	path := socketPath(t)
	var s sink
	var log bytes.Buffer
	r := startReceiver(t, path, &s, &log)
	rec := record(3)
	if !runrecord.KernelNamesSender {
		rec = recordOf(3, attribute.String("service.name", "relay-test"), attribute.Int("process.pid", os.Getpid()))
	}
	if err := runrecord.Send(path, rec); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := r.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.spans) != 3 {
		t.Fatalf("%d spans forwarded, want 3; log:\n%s", len(s.spans), log.String())
	}
	for _, sp := range s.spans {
		v, _ := sp.Resource().Set().Value("process.pid")
		if got := v.AsInt64(); got != int64(os.Getpid()) {
			t.Errorf("%s: process.pid %d, want the sender's, %d", sp.Name(), got, os.Getpid())
		}
	}
}

// TestReceiverRefusesGarbage: a datagram that is not a run record is
// counted as refused, warned about once, and does not stop the receiver.
func TestReceiverRefusesGarbage(t *testing.T) {
	path := socketPath(t)
	var s sink
	var log bytes.Buffer
	r := startReceiver(t, path, &s, &log)
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"\xff\xff\xff", "hello", strings.Repeat("\x0a\x05", 1000)} {
		if _, err := c.Write([]byte(junk)); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	if err := run(t, path, 5); err != nil {
		t.Fatal(err)
	}
	if err := r.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	spans, ok, bad := s.totals()
	if spans != 5 || ok != 1 || bad != 3 {
		t.Errorf("forwarded %d spans, %d requests ok and %d refused; want 5, 1 and 3", spans, ok, bad)
	}
	if n := strings.Count(log.String(), "refused a run record"); n != 1 {
		t.Errorf("%d warnings, want 1:\n%s", n, log.String())
	}
}

// TestReceiverReadsInEveryState: runs sent while the receiver waits on
// the socket (idle), while it lets datagrams queue (runs keep coming) and
// after it went idle again are all forwarded, each before the next is sent.
func TestReceiverReadsInEveryState(t *testing.T) {
	path := socketPath(t)
	var s sink
	var log bytes.Buffer
	r := startReceiver(t, path, &s, &log)
	defer r.Shutdown(context.Background())
	forwarded := func(want int) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
			if _, ok, _ := s.totals(); ok == want {
				return
			}
			if time.Now().After(deadline) {
				_, ok, bad := s.totals()
				t.Fatalf("%d runs forwarded and %d refused after 10 s; want %d", ok, bad, want)
			}
		}
	}
	gaps := []time.Duration{0, coalesce / 4, coalesce / 2, 3 * coalesce, coalesce / 4, 5 * coalesce, 0}
	for i, gap := range gaps {
		time.Sleep(gap)
		if err := run(t, path, 2); err != nil {
			t.Fatal(err)
		}
		forwarded(i + 1)
	}
}

// TestReceiverClaim: a socket left by a receiver that is gone is replaced;
// a live one, or anything that is not a socket, is left alone.
func TestReceiverClaim(t *testing.T) {
	t.Run("stale socket", func(t *testing.T) {
		path := socketPath(t)
		c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
		if err != nil {
			t.Fatal(err)
		}
		c.Close() // the file stays, as when a process is killed
		var s sink
		var log bytes.Buffer
		r := startReceiver(t, path, &s, &log)
		if err := run(t, path, 2); err != nil {
			t.Fatal(err)
		}
		if err := r.Shutdown(context.Background()); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := s.totals(); n != 2 {
			t.Errorf("forwarded %d spans, want 2", n)
		}
	})
	t.Run("live socket", func(t *testing.T) {
		path := socketPath(t)
		var s sink
		var log bytes.Buffer
		first := startReceiver(t, path, &s, &log)
		defer first.Shutdown(context.Background())
		second, _ := NewReceiver(Config{Path: path, Forward: s.forward})
		if err := second.Start(); err == nil || !strings.Contains(err.Error(), "another process") {
			t.Fatalf("Start() on a live socket = %v, want an error", err)
		}
		if err := run(t, path, 2); err != nil {
			t.Fatalf("the first receiver lost its socket: %v", err)
		}
	})
	t.Run("regular file", func(t *testing.T) {
		path := socketPath(t)
		if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		r, _ := NewReceiver(Config{Path: path, Forward: func([]sdktrace.ReadOnlySpan) {}})
		if err := r.Start(); err == nil || !strings.Contains(err.Error(), "not a socket") {
			t.Fatalf("Start() = %v, want an error saying the path is not a socket", err)
		}
		if b, err := os.ReadFile(path); err != nil || string(b) != "keep me" {
			t.Errorf("the file was changed: %q, %v", b, err)
		}
		if _, err := os.Stat(path + ".lock"); err == nil {
			t.Error("a lock file was left beside the refused path")
		}
	})
}
