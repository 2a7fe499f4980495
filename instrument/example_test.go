package instrument_test

import (
	"context"
	"errors"
	"fmt"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// Track wraps any function as an operation: a span plus the duration metric.
// Here the providers keep everything in memory so the example can show it.
func ExampleTelemetry_Track() {
	spans := tracetest.NewInMemoryExporter()
	reader := sdkmetric.NewManualReader()
	tel, _ := instrument.FromProviders(
		sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans)),
		sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader)))

	ctx := context.Background()
	_ = tel.Track(ctx, "load-config", func(context.Context) error { return nil })
	err := tel.Track(ctx, "load-config", func(context.Context) error { return errors.New("no such file") })
	fmt.Println("error passed through:", err)

	for _, s := range spans.GetSpans() {
		fmt.Println("span:", s.Name, s.Status.Code)
	}
	var rm metricdata.ResourceMetrics
	_ = reader.Collect(ctx, &rm)
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if h, ok := m.Data.(metricdata.Histogram[float64]); ok && m.Name == catalog.MetricOperationDuration {
				for _, p := range h.DataPoints {
					outcome, _ := p.Attributes.Value(catalog.AttrOutcome)
					fmt.Printf("%s: %d measurement(s), outcome %s\n", m.Name, p.Count, outcome.AsString())
				}
			}
		}
	}
	// Unordered output:
	// error passed through: no such file
	// span: load-config Unset
	// span: load-config Error
	// hypergen.operation.duration: 1 measurement(s), outcome ok
	// hypergen.operation.duration: 1 measurement(s), outcome error
}

// With no exporter configured, Setup returns a disabled pipeline: tracked
// operations just run, and nothing touches the network.
func ExampleSetup() {
	cfg, err := instrument.FromEnv(func(string) string { return "" })
	if err != nil {
		fmt.Println(err)
		return
	}
	tel, _ := instrument.Setup(context.Background(), cfg, nil)
	defer tel.Shutdown(context.Background())
	_ = tel.Track(context.Background(), "work", func(context.Context) error { return nil })
	fmt.Println("enabled:", tel.Enabled())
	// Output: enabled: false
}
