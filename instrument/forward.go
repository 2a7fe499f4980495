package instrument

import (
	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// forwardQueue is how many relayed spans wait for export: about 300
// ten-template runs.
const forwardQueue = 8192

// newForwarder batches relayed spans to exp. It has a queue of its own, so
// relayed runs never crowd out the process's own spans, and it waits for
// room in it instead of dropping spans, as the SDK's default processor
// does: a relayed span dropped here would be a run lost, while a wait only
// slows the relay down, and its senders, whose datagrams then find the
// socket full, export by themselves.
func newForwarder(exp sdktrace.SpanExporter) sdktrace.SpanProcessor {
	return sdktrace.NewBatchSpanProcessor(keepOpen{exp}, sdktrace.WithBlocking(), sdktrace.WithMaxQueueSize(forwardQueue))
}

// keepOpen leaves shutting the exporter down to the tracer provider, which
// shares it and shuts down after the forwarder.
type keepOpen struct{ sdktrace.SpanExporter }

func (keepOpen) Shutdown(context.Context) error { return nil }

// CanForward reports whether Forward has anywhere to send spans: the
// pipeline exports traces and was set up with Config.Forwarding.
func (t *Telemetry) CanForward() bool { return len(t.forward) > 0 }

// Forward exports spans that ended in another process (a CLI run relayed
// by the agent) with this pipeline's trace exporters, unchanged: each keeps
// its own resource and instrumentation scope. It waits while the queue is
// full.
func (t *Telemetry) Forward(spans []sdktrace.ReadOnlySpan) {
	for _, f := range t.forward {
		for _, s := range spans {
			f.OnEnd(s)
		}
	}
}
