package instrument

import (
	"context"
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
