package otlplite_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/trace"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestDependencies keeps the package light: it exists so that the CLI does
// not link or initialise these (see doc.go).
func TestDependencies(t *testing.T) {
	for _, dep := range testenv.LinkedFrom(t, ".", "go.opentelemetry.io/otel/sdk", "google.golang.org/grpc",
		"google.golang.org/protobuf", "net/http", "golang.org/x/net/http2") {
		t.Errorf("otlplite depends on %s", dep)
	}
}

// endSpans records n ended spans, each a child of the first.
func endSpans(tp trace.TracerProvider, n int) {
	tr := tp.Tracer("test")
	ctx, root := tr.Start(context.Background(), "root")
	for range n - 1 {
		_, s := tr.Start(ctx, "child")
		s.End()
	}
	root.End()
}

func TestExportErrors(t *testing.T) {
	refused := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		return addr
	}
	replying := func(reply func(*coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error)) func(*testing.T) string {
		return func(t *testing.T) string {
			c := startCollector(t)
			c.reply = reply
			return c.addr
		}
	}
	http1 := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			if c, err := ln.Accept(); err == nil {
				c.Write([]byte("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"))
				c.Close()
			}
		}()
		t.Cleanup(func() {
			ln.Close()
			<-done
		})
		return ln.Addr().String()
	}
	tests := []struct {
		name     string
		endpoint func(*testing.T) string
		want     string
	}{
		{"nothing listening", refused, "connection refused"},
		{"HTTP/1 server", http1, "HTTP/2 handshake (is this an OTLP/gRPC endpoint?)"},
		{"error status", replying(func(*coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error) {
			return nil, status.Error(codes.Unavailable, "collector is 100% busy")
		}), "grpc status 14 (UNAVAILABLE): collector is 100% busy"},
		{"partial success", replying(func(*coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error) {
			return &coltracepb.ExportTraceServiceResponse{PartialSuccess: &coltracepb.ExportTracePartialSuccess{
				RejectedSpans: 2, ErrorMessage: "spans too old"}}, nil
		}), "collector rejected 2 spans: spans too old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := tt.endpoint(t)
			tp := otlplite.New(otlplite.Config{Endpoint: addr})
			endSpans(tp, 3)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := tp.Shutdown(ctx)
			t.Logf("Shutdown: %v", err)
			if err == nil {
				t.Fatal("Shutdown succeeded")
			}
			if want := "otlp export to " + addr + ": "; !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to start with %q and contain %q", err, want, tt.want)
			}
		})
	}
}

// TestDeadline: a server that accepts and never answers (not even the
// HTTP/2 handshake) holds Shutdown only until the context's deadline, whether
// the connection was opened by Warm or by Shutdown.
func TestDeadline(t *testing.T) {
	for _, warm := range []bool{false, true} {
		t.Run("warm="+strconv.FormatBool(warm), func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			done := make(chan struct{})
			defer close(done)
			go func() {
				if c, err := ln.Accept(); err == nil {
					<-done
					c.Close()
				}
			}()
			tp := otlplite.New(otlplite.Config{Endpoint: ln.Addr().String()})
			if warm {
				tp.Warm()
			}
			endSpans(tp, 2)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			err = tp.Shutdown(ctx)
			t.Logf("Shutdown: %v", err)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Shutdown = %v, want a deadline error", err)
			}
		})
	}
}
