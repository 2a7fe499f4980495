package otlplite_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
)

// TestLargeExport sends more than fits one request, one frame or one
// flow-control window: 5,000 spans of about 1 KiB make ten requests of up to
// 512 spans, hundreds of DATA frames and many WINDOW_UPDATEs.
func TestLargeExport(t *testing.T) {
	tests := []struct {
		name string
		opts []grpc.ServerOption
	}{
		{"grpc-go defaults", nil},
		// Fixed minimum windows turn off grpc-go's BDP estimation, so the
		// client must wait for WINDOW_UPDATE all the time.
		{"fixed 64 KiB windows", []grpc.ServerOption{grpc.InitialWindowSize(65535), grpc.InitialConnWindowSize(65535)}},
	}
	const n = 5000
	long := strings.Repeat("x", 1000)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col := startCollector(t, tt.opts...)
			tp := otlplite.New(otlplite.Config{Endpoint: col.addr})
			tr := tp.Tracer("test")
			for i := range n {
				_, s := tr.Start(context.Background(), "span-"+strconv.Itoa(i),
					trace.WithAttributes(attribute.String("long", long), attribute.Int("i", i)))
				s.End()
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := tp.Shutdown(ctx); err != nil {
				t.Fatal(err)
			}
			reqs, spans := col.received()
			if len(reqs) != 10 {
				t.Errorf("%d requests, want 10 of at most 512 spans", len(reqs))
			}
			seen := make([]bool, n)
			for _, s := range spans {
				i, err := strconv.Atoi(strings.TrimPrefix(s.Name, "span-"))
				if err != nil || i < 0 || i >= n || seen[i] {
					t.Fatalf("unexpected or repeated span %q", s.Name)
				}
				seen[i] = true
				if got := s.Attributes[0].Value.GetStringValue(); got != long {
					t.Fatalf("span %s: attribute of %d bytes, want %d", s.Name, len(got), len(long))
				}
			}
			if len(spans) != n {
				t.Errorf("%d spans arrived, want %d", len(spans), n)
			}
		})
	}
}

// TestConcurrentSpans starts, changes and ends spans from 50 goroutines at
// once (run with -race) and checks every span arrives under its parent.
func TestConcurrentSpans(t *testing.T) {
	col := startCollector(t)
	tp := otlplite.New(otlplite.Config{Endpoint: col.addr})
	tr := tp.Tracer("test")
	ctx, root := tr.Start(context.Background(), "root")
	const goroutines, children = 50, 20
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			name := "g" + strconv.Itoa(g)
			pctx, parent := tr.Start(ctx, name)
			for c := range children {
				_, s := tr.Start(pctx, name+"-child")
				s.SetAttributes(attribute.Int("c", c))
				s.AddEvent("e")
				root.SetAttributes(attribute.Int(name, c)) // one span from many goroutines
				s.End()
			}
			parent.End()
		})
	}
	wg.Wait()
	root.End()
	shutdown(t, tp)

	_, spans := col.received()
	if want := 1 + goroutines*(1+children); len(spans) != want {
		t.Fatalf("%d spans arrived, want %d", len(spans), want)
	}
	names := map[string]string{} // span ID -> name
	for _, s := range spans {
		names[string(s.SpanId)] = s.Name
	}
	for _, s := range spans {
		parent := names[string(s.ParentSpanId)]
		switch {
		case s.Name == "root":
			if len(s.ParentSpanId) != 0 {
				t.Errorf("root has a parent")
			}
			if len(s.Attributes) != goroutines {
				t.Errorf("root has %d attributes, want %d", len(s.Attributes), goroutines)
			}
		case strings.HasSuffix(s.Name, "-child"):
			if parent+"-child" != s.Name {
				t.Errorf("%s has parent %q", s.Name, parent)
			}
		case parent != "root":
			t.Errorf("%s has parent %q, want root", s.Name, parent)
		}
	}
}

func shutdown(t *testing.T, tp *otlplite.TracerProvider) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tp.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestMaxSpansAndAfterShutdown: spans past MaxSpans and spans ended after
// Shutdown are dropped and counted; spans started after it do not record.
func TestMaxSpansAndAfterShutdown(t *testing.T) {
	col := startCollector(t)
	tp := otlplite.New(otlplite.Config{Endpoint: col.addr, MaxSpans: 10})
	tr := tp.Tracer("test")
	for range 15 {
		_, s := tr.Start(context.Background(), "kept-or-dropped")
		s.End()
	}
	_, late := tr.Start(context.Background(), "ended after shutdown")
	shutdown(t, tp)
	late.End()
	if _, s := tr.Start(context.Background(), "started after shutdown"); s.IsRecording() {
		t.Error("a span started after Shutdown records")
	}
	if got := tp.Dropped(); got != 6 {
		t.Errorf("Dropped() = %d, want 6 (5 over MaxSpans, 1 ended after Shutdown)", got)
	}
	if _, spans := col.received(); len(spans) != 10 {
		t.Errorf("%d spans arrived, want 10", len(spans))
	}
	if err := tp.Shutdown(context.Background()); err != nil {
		t.Errorf("second Shutdown: %v", err)
	}
}

// TestMetadata checks the request's gRPC metadata: configured headers, a
// user agent naming hypergen, and the deadline as grpc-timeout.
func TestMetadata(t *testing.T) {
	for _, warm := range []bool{false, true} {
		t.Run("warm="+strconv.FormatBool(warm), func(t *testing.T) {
			col := startCollector(t)
			tp := otlplite.New(otlplite.Config{Endpoint: col.addr,
				Headers: map[string]string{"X-Tenant": "acme", "authorization": "Bearer t"}})
			if warm {
				tp.Warm()
			}
			endSpans(tp, 2)
			shutdown(t, tp)
			col.mu.Lock()
			defer col.mu.Unlock()
			if len(col.metadata) != 1 {
				t.Fatalf("%d requests, want 1", len(col.metadata))
			}
			md := col.metadata[0]
			for k, want := range map[string]string{"x-tenant": "acme", "authorization": "Bearer t"} {
				if got := md.Get(k); len(got) != 1 || got[0] != want {
					t.Errorf("metadata %s = %q, want %q", k, got, want)
				}
			}
			if left := col.timeouts[0]; left <= 0 || left > 10*time.Second {
				t.Errorf("server-side time left %v, want the client's deadline (at most 10s)", left)
			}
			if ua := md.Get("user-agent"); len(ua) != 1 || !strings.Contains(ua[0], "hypergen") {
				t.Errorf("user-agent %q does not name hypergen", ua)
			}
		})
	}
}
