//go:build unix

package otlplite_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// relaySocket is a Unix datagram socket standing in for the agent's relay.
type relaySocket struct {
	path string
	conn *net.UnixConn
}

func listenRelay(t *testing.T) *relaySocket {
	t.Helper()
	path := filepath.Join(testenv.SocketDir(t), "s")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &relaySocket{path: path, conn: conn}
}

// received reads the datagrams queued now, each an export request.
func (r *relaySocket) received(t *testing.T) (reqs []*coltracepb.ExportTraceServiceRequest, spans int) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for {
		r.conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		n, err := r.conn.Read(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return reqs, spans
		}
		if err != nil {
			t.Fatal(err)
		}
		req := &coltracepb.ExportTraceServiceRequest{}
		if err := proto.Unmarshal(buf[:n], req); err != nil {
			t.Fatalf("a datagram of %d bytes is not an export request: %v", n, err)
		}
		for _, rs := range req.ResourceSpans {
			for _, ss := range rs.ScopeSpans {
				spans += len(ss.Spans)
			}
		}
		reqs = append(reqs, req)
	}
}

// fill queues datagrams until the socket takes no more.
func (r *relaySocket) fill(t *testing.T) {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	for i := 0; ; i++ {
		err := syscall.Sendto(fd, make([]byte, 1024), syscall.MSG_DONTWAIT, &syscall.SockaddrUnix{Name: r.path})
		if errors.Is(err, syscall.EAGAIN) {
			return
		}
		if err != nil || i > 100000 {
			t.Fatalf("filling the relay socket: %v after %d datagrams", err, i)
		}
	}
}

// TestRelay: spans go to the relay socket when it takes them, and to the
// endpoint, once, when it does not.
func TestRelay(t *testing.T) {
	long := strings.Repeat("x", 1000)
	tests := []struct {
		name string
		// setup returns the relay path, and the socket if the spans
		// should arrive there.
		setup func(t *testing.T) (string, *relaySocket)
		// spans are ended with an attribute of attrBytes bytes.
		spans, attrBytes int
		wantRequests     int // on the socket
	}{
		{"a run's spans: one datagram", func(t *testing.T) (string, *relaySocket) {
			r := listenRelay(t)
			return r.path, r
		}, 26, 10, 1},
		{"more than one request's spans: a datagram each", func(t *testing.T) (string, *relaySocket) {
			r := listenRelay(t)
			return r.path, r
		}, 1000, 10, 2},
		{"no socket there: exported", func(t *testing.T) (string, *relaySocket) {
			return filepath.Join(t.TempDir(), "missing"), nil
		}, 26, 10, 0},
		{"socket left by a process that is gone: exported", func(t *testing.T) (string, *relaySocket) {
			r := listenRelay(t)
			r.conn.Close()
			if _, err := os.Stat(r.path); err != nil {
				t.Fatalf("the socket file should remain: %v", err)
			}
			return r.path, nil
		}, 26, 10, 0},
		{"queue full for longer than RelayWait: exported", func(t *testing.T) (string, *relaySocket) {
			r := listenRelay(t)
			r.fill(t)
			return r.path, nil
		}, 26, 10, 0},
		{"request too large for a datagram: exported", func(t *testing.T) (string, *relaySocket) {
			r := listenRelay(t)
			t.Cleanup(func() {
				if reqs, _ := r.received(t); len(reqs) != 0 {
					t.Errorf("%d datagrams on the socket, want none", len(reqs))
				}
			})
			return r.path, nil
		}, 600, 1000, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var conns connCounter
			col := startCollector(t, grpc.StatsHandler(&conns))
			path, sock := tt.setup(t)
			tp := otlplite.New(otlplite.Config{Endpoint: col.addr, Relay: path})
			tp.Warm() // does nothing with a relay: the endpoint is the fallback
			tr := tp.Tracer("test")
			for i := range tt.spans {
				_, s := tr.Start(context.Background(), "span-"+strconv.Itoa(i),
					trace.WithAttributes(attribute.String("a", long[:tt.attrBytes])))
				s.End()
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := tp.Shutdown(ctx); err != nil {
				t.Fatal(err)
			}
			_, exported := col.received()
			if sock != nil {
				reqs, relayed := sock.received(t)
				if len(reqs) != tt.wantRequests || relayed != tt.spans {
					t.Errorf("the socket received %d requests with %d spans, want %d with %d", len(reqs), relayed, tt.wantRequests, tt.spans)
				}
				if got := tp.Relayed(); got != int64(tt.spans) {
					t.Errorf("Relayed() = %d, want %d", got, tt.spans)
				}
				if len(exported) != 0 || conns.n.Load() != 0 {
					t.Errorf("the endpoint received %d spans on %d connections, want none", len(exported), conns.n.Load())
				}
				return
			}
			if len(exported) != tt.spans || tp.Relayed() != 0 {
				t.Errorf("the endpoint received %d spans (Relayed() = %d), want all %d", len(exported), tp.Relayed(), tt.spans)
			}
		})
	}
}

// TestRelayOnlyFails: with no endpoint to fall back on, a relay that takes
// nothing is an error that names it.
func TestRelayOnlyFails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing")
	tp := otlplite.New(otlplite.Config{Relay: path})
	endSpans(tp, 3)
	err := tp.Shutdown(context.Background())
	if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, syscall.ENOENT) {
		t.Fatalf("Shutdown() = %v, want an error naming %s (no such file)", err, path)
	}
}
