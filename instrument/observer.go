package instrument

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// noInstruments record nothing: those of a pipeline without metrics.
var noInstruments = &observe.Instruments{
	Duration: metricnoop.Float64Histogram{}, Startup: metricnoop.Float64Histogram{}, Probe: metricnoop.Float64Histogram{},
	Runs: metricnoop.Int64Counter{}, Files: metricnoop.Int64Counter{}, Bytes: metricnoop.Int64Counter{},
	Uploads: metricnoop.Int64Counter{}, Reindexes: metricnoop.Int64Counter{}, Requests: metricnoop.Int64Counter{},
	Relayed: metricnoop.Int64Counter{},
}

// newInstruments creates every instrument of the Catalog. Names, units and
// descriptions come from the Catalog only.
func newInstruments(m metric.Meter, t *Telemetry) (*observe.Instruments, error) {
	spec := map[string]catalog.MetricSpec{}
	for _, s := range catalog.Metrics {
		spec[s.Name] = s
	}
	var errs []error
	hist := func(name string) metric.Float64Histogram {
		s := spec[name]
		h, err := m.Float64Histogram(s.Name, metric.WithUnit(s.Unit), metric.WithDescription(s.Description),
			metric.WithExplicitBucketBoundaries(catalog.DurationBuckets...))
		errs = append(errs, err)
		return h
	}
	counter := func(name string) metric.Int64Counter {
		s := spec[name]
		c, err := m.Int64Counter(s.Name, metric.WithUnit(s.Unit), metric.WithDescription(s.Description))
		errs = append(errs, err)
		return c
	}
	observable := func(name string, counter bool) metric.Int64Observable {
		s := spec[name]
		var (
			o   metric.Int64Observable
			err error
		)
		if counter {
			o, err = m.Int64ObservableCounter(s.Name, metric.WithUnit(s.Unit), metric.WithDescription(s.Description))
		} else {
			o, err = m.Int64ObservableGauge(s.Name, metric.WithUnit(s.Unit), metric.WithDescription(s.Description))
		}
		errs = append(errs, err)
		return o
	}
	in := &observe.Instruments{
		Duration:  hist(catalog.MetricOperationDuration),
		Startup:   hist(catalog.MetricStartupDuration),
		Probe:     hist(catalog.MetricProbeDuration),
		Runs:      counter(catalog.MetricRuns),
		Files:     counter(catalog.MetricFilesWritten),
		Bytes:     counter(catalog.MetricRenderedBytes),
		Uploads:   counter(catalog.MetricProfilingUploads),
		Reindexes: counter(catalog.MetricAgentReindexes),
		Requests:  counter(catalog.MetricAgentRequests),
		Relayed:   counter(catalog.MetricAgentRelayed),
	}
	gauges := map[string]metric.Float64ObservableGauge{}
	for _, name := range []string{catalog.MetricProbeMemory, catalog.MetricProbeMemoryPerTemplate, catalog.MetricScalabilityExponent,
		catalog.MetricTargetValue, catalog.MetricTargetMet, catalog.MetricAgentUp} {
		s := spec[name]
		g, err := m.Float64ObservableGauge(s.Name, metric.WithUnit(s.Unit), metric.WithDescription(s.Description))
		errs = append(errs, err)
		gauges[name] = g
	}
	cache := observable(catalog.MetricCacheRequests, true)
	gens := observable(catalog.MetricGeneratorsIndexed, false)
	tmpls := observable(catalog.MetricTemplatesIndexed, false)
	failures := observable(catalog.MetricTelemetryFailures, true)
	dropped := observable(catalog.MetricTelemetryDropped, true)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	in.Zero(context.Background(), catalog.FromProcess)
	hit := metric.WithAttributes(attribute.String(catalog.AttrResult, "hit"))
	miss := metric.WithAttributes(attribute.String(catalog.AttrResult, "miss"))
	traces := metric.WithAttributes(attribute.String(catalog.AttrSignal, "traces"))
	metrics := metric.WithAttributes(attribute.String(catalog.AttrSignal, "metrics"))
	_, err := m.RegisterCallback(func(_ context.Context, o metric.Observer) error {
		t.statsMu.Lock()
		cacheStats, indexStats := t.cacheStats, t.indexStats
		t.statsMu.Unlock()
		if cacheStats != nil {
			h, ms := cacheStats()
			o.ObserveInt64(cache, h, hit)
			o.ObserveInt64(cache, ms, miss)
		}
		if indexStats != nil {
			g, n := indexStats()
			o.ObserveInt64(gens, g)
			o.ObserveInt64(tmpls, n)
		}
		o.ObserveInt64(failures, t.Stats.TraceFailures.Load(), traces)
		o.ObserveInt64(failures, t.Stats.MetricFailures.Load(), metrics)
		o.ObserveInt64(dropped, t.Stats.SpansDropped.Load(), traces)
		o.ObserveInt64(dropped, t.Stats.PointsDropped.Load(), metrics)
		for name, g := range gauges {
			t.gauges.each(name, func(v float64, opt metric.MeasurementOption) { o.ObserveFloat64(g, v, opt) })
		}
		return nil
	}, append([]metric.Observable{cache, gens, tmpls, failures, dropped}, observables(gauges)...)...)
	return in, err
}

func observables(m map[string]metric.Float64ObservableGauge) []metric.Observable {
	out := make([]metric.Observable, 0, len(m))
	for _, g := range m {
		out = append(out, g)
	}
	return out
}

func phaseAttr(p string) attribute.KeyValue { return attribute.String(catalog.AttrPhase, p) }

// Observer returns the generator.Observer that records this pipeline's spans
// and metrics; on a disabled Telemetry it records nothing.
func (t *Telemetry) Observer() generator.Observer {
	if !t.enabled {
		return observe.Nop{}
	}
	inst := t.inst
	if !t.metrics {
		inst = nil
	}
	return observe.New(t.tracer, inst, t.StepSpans)
}
