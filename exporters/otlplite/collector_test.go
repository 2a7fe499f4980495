package otlplite_test

import (
	"context"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/stats"
	"google.golang.org/protobuf/proto"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
)

// collector is a real grpc-go server with the OTLP TraceService registered,
// keeping what it receives. reply, when set, decides each call's answer.
type collector struct {
	coltracepb.UnimplementedTraceServiceServer

	addr  string
	reply func(*coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error)

	mu       sync.Mutex
	requests []*coltracepb.ExportTraceServiceRequest
	metadata []metadata.MD
	// timeouts is each call's time left, from grpc-timeout (0: none).
	timeouts []time.Duration
}

// startCollector serves on 127.0.0.1 until the test ends.
func startCollector(t testing.TB, opts ...grpc.ServerOption) *collector {
	t.Helper()
	return startCollectorAt(t, "127.0.0.1:0", opts...)
}

// startCollectorAt serves on addr until the test ends.
func startCollectorAt(t testing.TB, addr string, opts ...grpc.ServerOption) *collector {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{addr: ln.Addr().String()}
	srv := grpc.NewServer(opts...)
	coltracepb.RegisterTraceServiceServer(srv, c)
	done := make(chan struct{})
	go func() {
		defer close(done)
		srv.Serve(ln)
	}()
	t.Cleanup(func() {
		srv.Stop()
		<-done
	})
	return c
}

func (c *collector) Export(ctx context.Context, req *coltracepb.ExportTraceServiceRequest) (*coltracepb.ExportTraceServiceResponse, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	var left time.Duration
	if dl, ok := ctx.Deadline(); ok {
		left = time.Until(dl)
	}
	c.mu.Lock()
	c.timeouts = append(c.timeouts, left)
	c.requests = append(c.requests, proto.Clone(req).(*coltracepb.ExportTraceServiceRequest))
	c.metadata = append(c.metadata, md)
	c.mu.Unlock()
	if c.reply != nil {
		return c.reply(req)
	}
	return &coltracepb.ExportTraceServiceResponse{}, nil
}

// received returns the requests so far and every span in them.
func (c *collector) received() ([]*coltracepb.ExportTraceServiceRequest, []*tracepb.Span) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var spans []*tracepb.Span
	for _, r := range c.requests {
		for _, rs := range r.ResourceSpans {
			for _, ss := range rs.ScopeSpans {
				spans = append(spans, ss.Spans...)
			}
		}
	}
	return c.requests, spans
}

// connCounter is a grpc-go stats handler that counts the connections the
// server accepted.
type connCounter struct{ n atomic.Int32 }

func (*connCounter) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context   { return ctx }
func (*connCounter) HandleRPC(context.Context, stats.RPCStats)                         {}
func (*connCounter) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }
func (c *connCounter) HandleConn(_ context.Context, s stats.ConnStats) {
	if _, ok := s.(*stats.ConnBegin); ok {
		c.n.Add(1)
	}
}

// TestWarmConnectionToGRPCIsKept: grpc-go answers a new connection with its
// SETTINGS, the acknowledgement of the client's and a WINDOW_UPDATE. A warm
// connection that received them while it sat idle is checked before the
// export (every one is here) and used, not replaced.
func TestWarmConnectionToGRPCIsKept(t *testing.T) {
	defer otlplite.SetStaleAfter(0)()
	var conns connCounter
	col := startCollector(t, grpc.StatsHandler(&conns))
	tp := otlplite.New(otlplite.Config{Endpoint: col.addr})
	tp.Warm()
	endSpans(tp, 3)
	time.Sleep(100 * time.Millisecond) // idle while the server's frames arrive
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if _, spans := col.received(); len(spans) != 3 {
		t.Errorf("the server received %d spans, want 3", len(spans))
	}
	if n := conns.n.Load(); n != 1 {
		t.Errorf("the server accepted %d connections, want 1: the warm one was replaced", n)
	}
}

// TestCollectorUpAfterTheWarmDial: a warm dial refused at the run's start
// (the Collector not up yet) is dialled again at Shutdown; the run's spans
// were lost though the Collector was up by its end.
func TestCollectorUpAfterTheWarmDial(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens: the warm dial is refused
	tp := otlplite.New(otlplite.Config{Endpoint: addr})
	tp.Warm()
	endSpans(tp, 2)
	time.Sleep(200 * time.Millisecond) // the refusal comes at once
	col := startCollectorAt(t, addr)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if _, spans := col.received(); len(spans) != 2 {
		t.Errorf("the server received %d spans, want 2", len(spans))
	}
}
