package instrument

import (
	"context"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// A batch the processor hands over after the forwarder's shutdown returned
// is not attempted: the tracer provider shuts the shared exporter down next.
func TestForwarderAttemptsNothingOnceStopped(t *testing.T) {
	exp := &failingExporter{}
	f := testForwarder(t, exp, 0, 0)
	if err := f.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	for range 100 {
		late := relayedSpan("late", 0)
		_ = f.room.Acquire(context.Background(), spanSize(late)) // as forward takes it
		_ = releasing{exp, f}.ExportSpans(context.Background(), []sdktrace.ReadOnlySpan{late})
	}
	if n, d := exp.attempts.Load(), exp.dropped.Load(); n != 0 || d != 100 {
		t.Errorf("%d attempts after the shutdown, %d batches counted dropped; want none, and all 100", n, d)
	}
}
