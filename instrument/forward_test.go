package instrument

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// stuckExporter blocks every export until released, as one to a Collector
// that does not answer.
type stuckExporter struct {
	release  chan struct{}
	exported atomic.Int64
}

func (e *stuckExporter) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	<-e.release
	e.exported.Add(int64(len(spans)))
	return nil
}

func (e *stuckExporter) Shutdown(context.Context) error { return nil }

// TestForwarderBoundsMemory: while exports are stuck, relayed spans of a
// megabyte each stop being taken once about forwardBytes wait, well before
// the queue's span count, and are all exported, none dropped, once the
// exports resume.
func TestForwarderBoundsMemory(t *testing.T) {
	t.Setenv("OTEL_BSP_SCHEDULE_DELAY", "50") // ms: not the default 5 s between batches
	exp := &stuckExporter{release: make(chan struct{})}
	f := newForwarder(exp)
	big := strings.Repeat("x", 1<<20)
	span := func(i int) sdktrace.ReadOnlySpan {
		return tracetest.SpanStub{Name: "big", SpanContext: trace.NewSpanContext(trace.SpanContextConfig{
			TraceID: trace.TraceID{1}, SpanID: trace.SpanID{byte(i + 1)}, TraceFlags: trace.FlagsSampled}),
			Attributes: []attribute.KeyValue{attribute.String("blob", big)}}.Snapshot()
	}
	const n = 200 // 200 MiB of spans, against a 64 MiB bound
	var taken atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range n {
			f.forward(span(i))
			taken.Add(1)
		}
	}()
	time.Sleep(300 * time.Millisecond) // let the forwarding run into the bound
	if got := taken.Load(); got >= n || got > forwardBytes/(1<<20)+1 {
		t.Errorf("%d spans of 1 MiB taken while exports were stuck; the bound is %d MiB", got, forwardBytes>>20)
	}
	close(exp.release)
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("forwarding did not resume: %d of %d spans taken", taken.Load(), n)
	}
	if err := f.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := exp.exported.Load(); got != n {
		t.Errorf("%d of %d spans exported", got, n)
	}
}

// failingExporter fails its first failures exports, or all of them when
// failures is negative, as exports to a Collector that is down.
type failingExporter struct {
	failures, attempts atomic.Int64
	exported, dropped  atomic.Int64
}

func (e *failingExporter) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	if n := e.attempts.Add(1); e.failures.Load() < 0 || n <= e.failures.Load() {
		return errors.New("connection refused")
	}
	e.exported.Add(int64(len(spans)))
	return nil
}

func (e *failingExporter) Shutdown(context.Context) error { return nil }

// Attempt and Dropped make it an attempter, as package exporters' are.
func (e *failingExporter) Attempt(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	return e.ExportSpans(ctx, spans)
}

func (e *failingExporter) Dropped(n int) { e.dropped.Add(int64(n)) }

// TestForwarderRetriesFailedExports: a batch whose export fails (the
// Collector down) is sent again until it goes through, so no relayed run
// is lost to an outage; a shutdown stops trying once its time is up.
func TestForwarderRetriesFailedExports(t *testing.T) {
	t.Setenv("OTEL_BSP_SCHEDULE_DELAY", "10")
	first, most := forwardRetryFirst, forwardRetryMax
	forwardRetryFirst, forwardRetryMax = 10*time.Millisecond, 40*time.Millisecond
	t.Cleanup(func() { forwardRetryFirst, forwardRetryMax = first, most })
	span := func(i int) sdktrace.ReadOnlySpan {
		return tracetest.SpanStub{Name: "run", SpanContext: trace.NewSpanContext(trace.SpanContextConfig{
			TraceID: trace.TraceID{1}, SpanID: trace.SpanID{byte(i + 1)}, TraceFlags: trace.FlagsSampled})}.Snapshot()
	}

	exp := &failingExporter{}
	exp.failures.Store(5)
	f := newForwarder(exp)
	for i := range 10 {
		f.forward(span(i))
	}
	if err := f.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := exp.exported.Load(); got != 10 || exp.attempts.Load() <= 5 || exp.dropped.Load() != 0 {
		t.Errorf("%d of 10 spans exported in %d attempts, the first 5 failing, %d counted as dropped; want all, after the failures, none dropped",
			got, exp.attempts.Load(), exp.dropped.Load())
	}

	down := &failingExporter{}
	down.failures.Store(-1)
	f = newForwarder(down)
	f.forward(span(0))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- f.Shutdown(ctx) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Shutdown kept trying past its deadline")
	}
	// The attempt under way when the time ran out ends just after.
	for deadline := time.Now().Add(10 * time.Second); down.dropped.Load() == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
	}
	if down.attempts.Load() < 2 || down.exported.Load() != 0 || down.dropped.Load() != 1 {
		t.Errorf("%d attempts, %d exported, %d counted as dropped: want several attempts, none through, the span dropped", down.attempts.Load(), down.exported.Load(), down.dropped.Load())
	}
}
