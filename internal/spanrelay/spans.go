package spanrelay

import (
	"context"

	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// Chunk is the most spans Spans hands to forward at once. A record is
// small and its spans are not: each decoded span holds about 1 KiB, so the
// largest datagram, made of minimal template events with step spans, would
// become some 100,000 spans and 100 MB of heap if they were all made before
// any was passed on. In chunks, the replay waits whenever forward does
// (the agent's export queue is full), and what it holds stays bounded
// whatever the record.
const Chunk = 512

// Spans makes the spans of one relayed run from its record and passes them
// to forward as they end, at most Chunk at a time (the slice is reused
// after forward returns): the record replayed through hypergen's observer
// into an SDK tracer that carries the run's resource, so they are the spans
// the run would have exported itself (new trace and span IDs aside). pid
// is the sending process's as the kernel gave it (0 if it did not): it
// names the process in the resource of a record that does not
// (runrecord.KernelNamesSender). A record that does not decode is refused
// before any span is made.
func Spans(record []byte, pid int, forward func([]sdktrace.ReadOnlySpan)) error {
	rec, err := runrecord.Decode(record)
	if err != nil {
		return err
	}
	if pid > 0 {
		rec.Resource = runrecord.WithPID(rec.Resource, pid)
	}
	ended := &chunker{forward: forward}
	tp := sdktrace.NewTracerProvider(sdktrace.WithResource(resource.NewSchemaless(rec.Resource...)),
		sdktrace.WithSpanProcessor(ended), sdktrace.WithSampler(sdktrace.AlwaysSample()),
		sdktrace.WithRawSpanLimits(runLimits))
	runrecord.Replay(context.Background(), observe.NewReplayer(tp.Tracer(catalog.InstrumentationScope), rec.StepSpans), rec)
	ended.flush()
	return nil
}

// chunker passes ended spans on in chunks. The replay ends spans on its
// own goroutine, one after another, so it needs no lock.
type chunker struct {
	spans   []sdktrace.ReadOnlySpan
	forward func([]sdktrace.ReadOnlySpan)
}

func (c *chunker) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

func (c *chunker) OnEnd(s sdktrace.ReadOnlySpan) {
	c.spans = append(c.spans, s)
	if len(c.spans) == Chunk {
		c.flush()
	}
}

func (c *chunker) flush() {
	if len(c.spans) > 0 {
		c.forward(c.spans)
		clear(c.spans) // the forwarded spans are the exporter's now
		c.spans = c.spans[:0]
	}
}

func (c *chunker) Shutdown(context.Context) error   { return nil }
func (c *chunker) ForceFlush(context.Context) error { return nil }

// runLimits are the SDK's default span limits, which a run's own exporter
// (exporters/otlplite) applies. The run chose to record every span, with
// these limits; the agent's OTEL_TRACES_SAMPLER and OTEL_SPAN_* settings,
// which NewTracerProvider would read, are for its own spans and must not
// thin out or cut the runs it relays.
var runLimits = sdktrace.SpanLimits{
	AttributeValueLengthLimit:   sdktrace.DefaultAttributeValueLengthLimit,
	AttributeCountLimit:         sdktrace.DefaultAttributeCountLimit,
	EventCountLimit:             sdktrace.DefaultEventCountLimit,
	LinkCountLimit:              sdktrace.DefaultLinkCountLimit,
	AttributePerEventCountLimit: sdktrace.DefaultAttributePerEventCountLimit,
	AttributePerLinkCountLimit:  sdktrace.DefaultAttributePerLinkCountLimit,
}
