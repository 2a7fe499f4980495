package instrument

import (
	"cmp"
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"golang.org/x/sync/semaphore"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
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
// whose export fails for a reason that can pass (the Collector down or
// overloaded) is sent again until it goes through or the forwarder's
// shutdown runs out of time: the queue fills meanwhile, and the runs that
// find no room report their own loss, where a batch dropped after the
// exporter's timeout (10 s) lost every run in it without a word. A batch
// the Collector refuses for what it is (too large, malformed) is dropped
// at once, so that it does not hold up every batch behind it.
type forwarder struct {
	sdktrace.SpanProcessor
	room *semaphore.Weighted // of forwardBytes, released as spans are exported
	// The waits between two attempts to export a batch: the first, the
	// longest, and the longest once a shutdown has begun.
	retryFirst, retryMax, retryClosing time.Duration
	closing                            chan struct{} // closed when a shutdown begins
	stopped                            context.Context
	stop                               context.CancelFunc // when a shutdown ends: no more attempts
	closeOnce                          sync.Once
}

func newForwarder(exp sdktrace.SpanExporter) *forwarder {
	f := &forwarder{room: semaphore.NewWeighted(forwardBytes), closing: make(chan struct{}),
		retryFirst: time.Second, retryMax: 30 * time.Second, retryClosing: 250 * time.Millisecond}
	f.stopped, f.stop = context.WithCancel(context.Background())
	// No export timeout of the processor's: it would bound the attempts
	// together; the exporter bounds each one.
	f.SpanProcessor = sdktrace.NewBatchSpanProcessor(releasing{exp, f}, sdktrace.WithBlocking(),
		sdktrace.WithMaxQueueSize(forwardQueue), sdktrace.WithExportTimeout(0))
	return f
}

// forwardShare is the part of a shutdown's time the forwarder may spend
// exporting what is queued: the tracer and meter providers, which flush
// the process's own spans and metrics (the count of relayed spans given up
// on among them), shut down after it with the same deadline.
const forwardShare = 0.75

// Shutdown exports what is queued, trying failed batches again at once and
// then every retryClosing, until forwardShare of ctx's time has passed;
// what is left then is dropped and counted. No attempt is made once it has
// returned: the tracer provider shuts the shared exporter down next.
func (f *forwarder) Shutdown(ctx context.Context) error {
	f.closeOnce.Do(func() { close(f.closing) })
	defer f.stop()
	if d, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, time.Now().Add(time.Duration(float64(time.Until(d))*forwardShare)))
		defer cancel()
	}
	return f.SpanProcessor.Shutdown(ctx)
}

func (f *forwarder) forward(s sdktrace.ReadOnlySpan) {
	if !s.SpanContext().IsSampled() {
		return // the processor would drop it, and never give its room back
	}
	_ = f.room.Acquire(context.Background(), spanSize(s)) // never fails without a deadline
	f.OnEnd(s)
}

// releasing exports a batch, again after each failure that can pass, until
// it goes through or the forwarder stops, and then hands the memory of its
// spans back to the forwarder. It leaves shutting the exporter down to the
// tracer provider, which shares it and shuts down after the forwarder.
type releasing struct {
	sdktrace.SpanExporter
	f *forwarder
}

func (r releasing) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	defer func() {
		for _, s := range spans {
			r.f.room.Release(spanSize(s))
		}
	}()
	attempt, dropped := r.SpanExporter.ExportSpans, func(int) {}
	if c, ok := r.SpanExporter.(attempter); ok {
		// Each failure counted, the spans counted as dropped only if
		// given up on.
		attempt, dropped = c.Attempt, c.Dropped
	}
	// An attempt under way when the forwarder stops ends with it.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(r.f.stopped, cancel)()
	wait := r.f.retryFirst
	for {
		// The forwarder's own stop too: AfterFunc cancels ctx from a
		// goroutine of its own, maybe after a first attempt.
		if err := cmp.Or(r.f.stopped.Err(), ctx.Err()); err != nil {
			// Stopped, or the caller's context ended: no more attempts.
			dropped(len(spans))
			return err
		}
		err := attempt(ctx, spans)
		if err == nil {
			return nil
		}
		if !retryable(err) {
			dropped(len(spans))
			return err
		}
		// A shutdown that begins during a long wait ends it: the Collector
		// may well be back. Once it has begun, attempts are retryClosing
		// apart (waiting on closing, always ready by then, spun: 700,000
		// attempts in half a second against an exporter that fails fast).
		closing := r.f.closing
		select {
		case <-closing:
			wait, closing = min(wait, r.f.retryClosing), nil
		default:
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-closing:
		case <-ctx.Done():
		}
		t.Stop()
		wait = min(2*wait, r.f.retryMax)
	}
}

// retryable reports whether an export that failed with err may go through
// later: the gRPC codes the OTLP exporters themselves try again on
// (ResourceExhausted only when the Collector says when to retry, which
// they would have done already), and any error that is not a gRPC status
// (a connection refused, a timeout).
func retryable(err error) bool {
	st, ok := status.FromError(err)
	if !ok {
		return true
	}
	switch st.Code() {
	case codes.Canceled, codes.DeadlineExceeded, codes.Aborted, codes.OutOfRange, codes.Unavailable, codes.DataLoss:
		return true
	}
	return false
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
