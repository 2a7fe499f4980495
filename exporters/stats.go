package exporters

import (
	"context"
	"sync/atomic"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Stats counts what the exporters failed to deliver.
type Stats struct {
	TraceFailures, SpansDropped   atomic.Int64
	MetricFailures, PointsDropped atomic.Int64
	// OnError, if set, is called with every export error.
	OnError func(signal string, err error)
}

// failed counts a failed export of items, lost with it unless kept is set.
func (s *Stats) failed(signal string, items int64, kept bool, err error) {
	if s == nil {
		return
	}
	if kept {
		items = 0
	}
	switch signal {
	case "traces":
		s.TraceFailures.Add(1)
		s.SpansDropped.Add(items)
	case "metrics":
		s.MetricFailures.Add(1)
		s.PointsDropped.Add(items)
	}
	if s.OnError != nil {
		s.OnError(signal, err)
	}
}

type countingSpanExporter struct {
	sdktrace.SpanExporter
	stats *Stats
}

func (e *countingSpanExporter) ExportSpans(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	err := e.SpanExporter.ExportSpans(ctx, spans)
	if err != nil {
		e.stats.failed("traces", int64(len(spans)), false, err)
	}
	return err
}

// Attempt is ExportSpans for a caller that tries a failed export again: a
// failure is counted, but its spans are not counted as dropped until the
// caller gives up on them (Dropped).
func (e *countingSpanExporter) Attempt(ctx context.Context, spans []sdktrace.ReadOnlySpan) error {
	err := e.SpanExporter.ExportSpans(ctx, spans)
	if err != nil {
		e.stats.failed("traces", int64(len(spans)), true, err)
	}
	return err
}

// Dropped counts spans an Attempt's caller gave up on.
func (e *countingSpanExporter) Dropped(n int) {
	if e.stats != nil {
		e.stats.SpansDropped.Add(int64(n))
	}
}

type countingMetricExporter struct {
	sdkmetric.Exporter
	stats *Stats
}

func (e *countingMetricExporter) Export(ctx context.Context, rm *metricdata.ResourceMetrics) error {
	err := e.Exporter.Export(ctx, rm)
	if err != nil {
		e.stats.failed("metrics", int64(countPoints(rm)), false, err)
	}
	return err
}

// countPoints is the number of data points in a collection.
func countPoints(rm *metricdata.ResourceMetrics) int {
	n := 0
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				n += len(d.DataPoints)
			case metricdata.Sum[float64]:
				n += len(d.DataPoints)
			case metricdata.Gauge[int64]:
				n += len(d.DataPoints)
			case metricdata.Gauge[float64]:
				n += len(d.DataPoints)
			case metricdata.Histogram[float64]:
				n += len(d.DataPoints)
			case metricdata.Histogram[int64]:
				n += len(d.DataPoints)
			default:
				n++
			}
		}
	}
	return n
}
