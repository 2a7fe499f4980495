package dashboards

import (
	"fmt"

	"github.com/prometheus/otlptranslator"
	"go.opentelemetry.io/otel/semconv/v1.43.0/goconv"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// The Collector's Prometheus exporter names series with the same translator
// (otlptranslator, underscores and unit/type suffixes); naming them here with
// it rather than by hand is what keeps dashboards and rules on the names
// Prometheus really stores.
var (
	metricNamer = otlptranslator.MetricNamer{WithMetricSuffixes: true}
	labelNamer  = otlptranslator.LabelNamer{}
)

// runtimeMetrics are the Go runtime metrics that
// go.opentelemetry.io/contrib/instrumentation/runtime emits next to the
// catalog, with their instrument kinds (go.memory.used is an up-down
// counter, which Prometheus shows as a gauge).
var runtimeMetrics = []catalog.MetricSpec{
	{Name: goconv.MemoryUsed{}.Name(), Unit: goconv.MemoryUsed{}.Unit(), Kind: catalog.ObservableGauge,
		Attributes: []string{string(goconv.MemoryUsed{}.AttrMemoryType("").Key)}},
	{Name: goconv.MemoryLimit{}.Name(), Unit: goconv.MemoryLimit{}.Unit(), Kind: catalog.ObservableGauge},
	{Name: goconv.MemoryAllocated{}.Name(), Unit: goconv.MemoryAllocated{}.Unit(), Kind: catalog.ObservableCounter},
	{Name: goconv.MemoryAllocations{}.Name(), Unit: goconv.MemoryAllocations{}.Unit(), Kind: catalog.ObservableCounter},
	{Name: goconv.MemoryGCGoal{}.Name(), Unit: goconv.MemoryGCGoal{}.Unit(), Kind: catalog.ObservableGauge},
	{Name: goconv.GoroutineCount{}.Name(), Unit: goconv.GoroutineCount{}.Unit(), Kind: catalog.ObservableGauge},
	{Name: goconv.ProcessorLimit{}.Name(), Unit: goconv.ProcessorLimit{}.Unit(), Kind: catalog.ObservableGauge},
	{Name: goconv.ConfigGogc{}.Name(), Unit: goconv.ConfigGogc{}.Unit(), Kind: catalog.ObservableGauge},
}

func promType(k catalog.Kind) otlptranslator.MetricType {
	switch k {
	case catalog.Histogram:
		return otlptranslator.MetricTypeHistogram
	case catalog.Counter, catalog.ObservableCounter:
		return otlptranslator.MetricTypeMonotonicCounter
	}
	return otlptranslator.MetricTypeGauge
}

// allMetrics is the catalog and the runtime metrics.
func allMetrics() []catalog.MetricSpec {
	return append(append([]catalog.MetricSpec(nil), catalog.Metrics...), runtimeMetrics...)
}

// promNames maps every OTel metric name hypergen emits to its Prometheus name.
var promNames = func() map[string]string {
	out := map[string]string{}
	for _, m := range allMetrics() {
		n, err := metricNamer.Build(otlptranslator.Metric{Name: m.Name, Unit: m.Unit, Type: promType(m.Kind)})
		if err != nil {
			panic(fmt.Sprintf("dashboards: naming %s: %v", m.Name, err))
		}
		out[m.Name] = n
	}
	return out
}()

// metric returns the Prometheus name of an emitted metric. An unknown name is
// a programming error in this package, caught the first time the generator
// or the tests run.
func metric(otelName string) string {
	n, ok := promNames[otelName]
	if !ok {
		panic("dashboards: " + otelName + " is not in catalog.Metrics or the Go runtime metrics")
	}
	return n
}

// label returns the Prometheus name of an attribute key.
func label(attr string) string {
	n, err := labelNamer.Build(attr)
	if err != nil {
		panic(fmt.Sprintf("dashboards: naming label %s: %v", attr, err))
	}
	return n
}
