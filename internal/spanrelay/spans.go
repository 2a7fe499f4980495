package spanrelay

import (
	"context"

	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// Spans makes the spans of one relayed run from its record: the record
// replayed through hypergen's observer into an SDK tracer that carries the
// run's resource, so they are the spans the run would have exported itself
// (new trace and span IDs aside).
func Spans(record []byte) ([]sdktrace.ReadOnlySpan, error) {
	rec, err := runrecord.Decode(record)
	if err != nil {
		return nil, err
	}
	ended := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithResource(resource.NewSchemaless(rec.Resource...)),
		sdktrace.WithSpanProcessor(ended), sdktrace.WithSampler(sdktrace.AlwaysSample()),
		sdktrace.WithRawSpanLimits(runLimits))
	runrecord.Replay(context.Background(), observe.NewReplayer(tp.Tracer(catalog.InstrumentationScope), rec.StepSpans), rec)
	return ended.Ended(), nil
}

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
