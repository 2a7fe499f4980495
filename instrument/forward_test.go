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
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
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

// testForwarder is a forwarder for exp that tries again after first,
// doubling up to most, and flushes its queue within milliseconds.
func testForwarder(t *testing.T, exp sdktrace.SpanExporter, first, most time.Duration) *forwarder {
	t.Setenv("OTEL_BSP_SCHEDULE_DELAY", "10")
	f := newForwarder(exp)
	f.retryFirst, f.retryMax, f.retryClosing = first, most, 10*time.Millisecond
	return f
}

func relayedSpan(name string, i int) sdktrace.ReadOnlySpan {
	return tracetest.SpanStub{Name: name, SpanContext: trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: trace.TraceID{1}, SpanID: trace.SpanID{byte(i >> 8), byte(i + 1)}, TraceFlags: trace.FlagsSampled})}.Snapshot()
}

// TestForwarderRetriesFailedExports: a batch whose export fails (the
// Collector down) is sent again until it goes through, so no relayed run
// is lost to an outage; a shutdown stops trying once its time is up, and
// nothing is tried after it has returned.
func TestForwarderRetriesFailedExports(t *testing.T) {
	exp := &failingExporter{}
	exp.failures.Store(5)
	f := testForwarder(t, exp, 10*time.Millisecond, 40*time.Millisecond)
	for i := range 10 {
		f.forward(relayedSpan("run", i))
	}
	if err := f.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := exp.exported.Load(); got != 10 || exp.attempts.Load() <= 5 || exp.dropped.Load() != 0 {
		t.Errorf("%d of 10 spans exported in %d attempts, the first 5 failing, %d counted as dropped; want all, after the failures, none dropped",
			got, exp.attempts.Load(), exp.dropped.Load())
	}

	// Many times over: the end of a shutdown raced with its deadline, and
	// now and then the retries outlived it for good.
	for i := range 100 {
		down := &failingExporter{}
		down.failures.Store(-1)
		f = testForwarder(t, down, time.Millisecond, time.Millisecond)
		f.forward(relayedSpan("run", i))
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		start := time.Now()
		_ = f.Shutdown(ctx)
		cancel()
		if time.Since(start) > 10*time.Second {
			t.Fatal("Shutdown kept trying past its deadline")
		}
		// The attempt under way when the time ran out ends just after.
		for deadline := time.Now().Add(10 * time.Second); down.dropped.Load() == 0 && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		}
		after := down.attempts.Load()
		time.Sleep(5 * time.Millisecond)
		if down.attempts.Load() != after || down.exported.Load() != 0 || down.dropped.Load() != 1 {
			t.Fatalf("shutdown %d: %d attempts, then %d more after it returned, %d exported, %d counted as dropped: want none after, none through, the span dropped",
				i, after, down.attempts.Load()-after, down.exported.Load(), down.dropped.Load())
		}
	}
}

// refusingExporter refuses for good, as a Collector refuses a message over
// its size limit, every batch holding a span named "refused".
type refusingExporter struct {
	failingExporter
	refused atomic.Int64
}

func (e *refusingExporter) Attempt(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	for _, s := range spans {
		if s.Name() == "refused" {
			e.refused.Add(1)
			return status.Error(codes.InvalidArgument, "the message is malformed")
		}
	}
	return e.failingExporter.Attempt(ctx, spans)
}

// TestForwarderDropsRefusedBatches: a batch the Collector refuses for what
// it is, not for its state, is dropped and counted after one attempt. Tried
// again, it held up every relayed span behind it until shutdown.
func TestForwarderDropsRefusedBatches(t *testing.T) {
	exp := &refusingExporter{}
	f := testForwarder(t, exp, 10*time.Millisecond, 40*time.Millisecond)
	f.forward(relayedSpan("refused", 0))
	// Its own batch: refused before the others are queued.
	for deadline := time.Now().Add(10 * time.Second); exp.refused.Load() == 0 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
	}
	for i := 1; i <= 100; i++ {
		f.forward(relayedSpan("run", i))
	}
	for deadline := time.Now().Add(10 * time.Second); exp.exported.Load() < 100 && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
	}
	if err := f.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if exp.exported.Load() != 100 || exp.refused.Load() != 1 || exp.dropped.Load() != 1 {
		t.Errorf("%d of 100 spans behind a refused batch exported before shutdown; the refused one tried %d times, %d dropped: want all, once, 1",
			exp.exported.Load(), exp.refused.Load(), exp.dropped.Load())
	}
}

// TestForwarderTriesAgainWhenShutdownBegins: a shutdown that begins during
// a long wait between two attempts (after a long outage, 30 s) tries again
// at once; it used to sleep through its deadline and drop a batch the
// Collector, back by then, would have taken.
func TestForwarderTriesAgainWhenShutdownBegins(t *testing.T) {
	exp := &failingExporter{}
	exp.failures.Store(1)
	f := testForwarder(t, exp, 30*time.Second, 30*time.Second)
	for i := range 10 {
		f.forward(relayedSpan("run", i))
	}
	for exp.attempts.Load() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := f.Shutdown(ctx); err != nil || exp.exported.Load() != 10 {
		t.Errorf("Shutdown: %v, %d of 10 spans exported, %d dropped", err, exp.exported.Load(), exp.dropped.Load())
	}

	// While a shutdown lasts, attempts are retryClosing (10 ms here) apart:
	// they followed each other without a pause, 700,000 in half a second.
	down := &failingExporter{}
	down.failures.Store(-1)
	f = testForwarder(t, down, 30*time.Second, 30*time.Second)
	f.forward(relayedSpan("run", 0))
	for down.attempts.Load() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	_ = f.Shutdown(ctx) // three quarters of it: 300 ms
	if n := down.attempts.Load(); n > 40 {
		t.Errorf("%d attempts in a 300 ms shutdown, 10 ms apart: want about 30", n)
	}
}
