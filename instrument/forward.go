package instrument

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"golang.org/x/sync/semaphore"
)

// forwardQueue is how many relayed spans wait for export: about 300
// ten-template runs.
const forwardQueue = 8192

// forwardBytes bounds the memory relayed spans may hold while they wait for
// export (estimated by spanSize). The queue's span count alone would not:
// one datagram can decode into a span of megabytes (tens of thousands of
// attributes), and a Collector that is down keeps the queue full.
const forwardBytes = 64 << 20

// forwarder batches relayed spans to one exporter. It has a queue of its
// own, so relayed runs never crowd out the process's own spans, and it
// waits for room in it instead of dropping spans, as the SDK's default
// processor does: a relayed span dropped here would be a run lost, while a
// wait only slows the relay down, and its senders, whose datagrams then
// find the socket full, export by themselves. For the same reason a batch
// whose export fails is sent again until it goes through (the Collector
// back after an outage) or the forwarder's shutdown runs out of time: the
// queue fills meanwhile, and the runs that find no room report their own
// loss, where a batch dropped after the exporter's timeout (10 s) lost
// every run in it without a word.
type forwarder struct {
	sdktrace.SpanProcessor
	room     *semaphore.Weighted // of forwardBytes, released as spans are exported
	stop     chan struct{}       // closed when a shutdown's time is up: no more attempts
	stopOnce sync.Once
}

func newForwarder(exp sdktrace.SpanExporter) *forwarder {
	f := &forwarder{room: semaphore.NewWeighted(forwardBytes), stop: make(chan struct{})}
	// No export timeout of the processor's: it would bound the attempts
	// together; the exporter bounds each one.
	f.SpanProcessor = sdktrace.NewBatchSpanProcessor(releasing{exp, f.room, f.stop}, sdktrace.WithBlocking(),
		sdktrace.WithMaxQueueSize(forwardQueue), sdktrace.WithExportTimeout(0))
	return f
}

// Shutdown exports what is queued, trying failed batches again until ctx
// ends.
func (f *forwarder) Shutdown(ctx context.Context) error {
	defer context.AfterFunc(ctx, func() { f.stopOnce.Do(func() { close(f.stop) }) })()
	return f.SpanProcessor.Shutdown(ctx)
}

func (f *forwarder) forward(s sdktrace.ReadOnlySpan) {
	if !s.SpanContext().IsSampled() {
		return // the processor would drop it, and never give its room back
	}
	_ = f.room.Acquire(context.Background(), spanSize(s)) // never fails without a deadline
	f.OnEnd(s)
}

// releasing exports a batch, again after each failure (waiting
// forwardRetryFirst, then twice as long each time, up to forwardRetryMax) until it goes through or
// stop is closed, and then hands the memory of its spans back to the
// forwarder. It leaves shutting the exporter down to the tracer provider,
// which shares it and shuts down after the forwarder.
type releasing struct {
	sdktrace.SpanExporter
	room *semaphore.Weighted
	stop <-chan struct{}
}

// The waits between two attempts to export a batch of relayed spans: the
// first, and the longest. Variables for the tests.
var forwardRetryFirst, forwardRetryMax = time.Second, 30 * time.Second

func (r releasing) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	defer func() {
		for _, s := range spans {
			r.room.Release(spanSize(s))
		}
	}()
	attempt, dropped := r.SpanExporter.ExportSpans, func(int) {}
	if c, ok := r.SpanExporter.(attempter); ok {
		// Each failure counted, the spans counted as dropped only if
		// given up on.
		attempt, dropped = c.Attempt, c.Dropped
	}
	for wait := forwardRetryFirst; ; wait = min(2*wait, forwardRetryMax) {
		err := attempt(ctx, spans)
		if err == nil {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
			continue
		case <-ctx.Done():
		case <-r.stop:
		}
		t.Stop()
		dropped(len(spans))
		return err
	}
}

// attempter is an exporter that counts its failures (package exporters'),
// with a way to try again without counting the spans lost.
type attempter interface {
	Attempt(ctx context.Context, spans []sdktrace.ReadOnlySpan) error
	Dropped(n int)
}

func (releasing) Shutdown(context.Context) error { return nil }

// spanSize estimates the bytes a decoded span holds, capped at
// forwardBytes so that one span can always be queued.
func spanSize(s sdktrace.ReadOnlySpan) int64 {
	n := 512 + len(s.Name()) + attrsSize(s.Attributes())
	for _, e := range s.Events() {
		n += 64 + len(e.Name) + attrsSize(e.Attributes)
	}
	for _, l := range s.Links() {
		n += 128 + attrsSize(l.Attributes)
	}
	n += attrsSize(s.Resource().Attributes())
	return min(int64(n), forwardBytes)
}

func attrsSize(kvs []attribute.KeyValue) int {
	n := 0
	for _, kv := range kvs {
		n += 64 + len(kv.Key) // a KeyValue and its key
		switch kv.Value.Type() {
		case attribute.STRING:
			n += len(kv.Value.AsString())
		case attribute.STRINGSLICE:
			for _, s := range kv.Value.AsStringSlice() {
				n += 16 + len(s)
			}
		case attribute.BOOLSLICE:
			n += len(kv.Value.AsBoolSlice())
		case attribute.INT64SLICE:
			n += 8 * len(kv.Value.AsInt64Slice())
		case attribute.FLOAT64SLICE:
			n += 8 * len(kv.Value.AsFloat64Slice())
		}
	}
	return n
}

// CanForward reports whether Forward has anywhere to send spans: the
// pipeline exports traces and was set up with Config.Forwarding.
func (t *Telemetry) CanForward() bool { return len(t.forward) > 0 }

// Forward exports spans that ended in another process (a CLI run relayed
// by the agent) with this pipeline's trace exporters, unchanged: each keeps
// its own resource and instrumentation scope. It waits while the queue is
// full, or while the spans waiting hold more than 64 MiB.
func (t *Telemetry) Forward(spans []sdktrace.ReadOnlySpan) {
	for _, f := range t.forward {
		for _, s := range spans {
			f.forward(s)
		}
	}
}
