package instrument

import (
	"context"
	"errors"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

type instruments struct {
	duration, startup, probe metric.Float64Histogram
	runs, files, bytes       metric.Int64Counter
	uploads, reindexes, reqs metric.Int64Counter
}

// noInstruments record nothing: those of a pipeline without metrics.
var noInstruments = &instruments{
	duration: metricnoop.Float64Histogram{}, startup: metricnoop.Float64Histogram{}, probe: metricnoop.Float64Histogram{},
	runs: metricnoop.Int64Counter{}, files: metricnoop.Int64Counter{}, bytes: metricnoop.Int64Counter{},
	uploads: metricnoop.Int64Counter{}, reindexes: metricnoop.Int64Counter{}, reqs: metricnoop.Int64Counter{},
}

// newInstruments creates every instrument of the Catalog. Names, units and
// descriptions come from the Catalog only.
func newInstruments(m metric.Meter, t *Telemetry) (*instruments, error) {
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
	in := &instruments{
		duration:  hist(catalog.MetricOperationDuration),
		startup:   hist(catalog.MetricStartupDuration),
		probe:     hist(catalog.MetricProbeDuration),
		runs:      counter(catalog.MetricRuns),
		files:     counter(catalog.MetricFilesWritten),
		bytes:     counter(catalog.MetricRenderedBytes),
		uploads:   counter(catalog.MetricProfilingUploads),
		reindexes: counter(catalog.MetricAgentReindexes),
		reqs:      counter(catalog.MetricAgentRequests),
	}
	gauges := map[string]metric.Float64ObservableGauge{}
	for _, name := range []string{catalog.MetricProbeMemory, catalog.MetricProbeMemoryPerTemplate, catalog.MetricScalabilityExponent,
		catalog.MetricTargetValue, catalog.MetricTargetMet} {
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
	in.zero(context.Background(), catalog.FromProcess)
	hit := metric.WithAttributes(cacheHit)
	miss := metric.WithAttributes(cacheMiss)
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

// counters maps the catalog's counters to their instruments.
func (in *instruments) counters() map[string]metric.Int64Counter {
	return map[string]metric.Int64Counter{catalog.MetricRuns: in.runs, catalog.MetricFilesWritten: in.files, catalog.MetricRenderedBytes: in.bytes,
		catalog.MetricProfilingUploads: in.uploads, catalog.MetricAgentReindexes: in.reindexes, catalog.MetricAgentRequests: in.reqs}
}

// zero reports every series the catalog lists in Zero for the counters of
// source at 0: adding 0 makes the SDK export the series before its first
// event.
func (in *instruments) zero(ctx context.Context, source catalog.Source) {
	counters := in.counters()
	for _, s := range catalog.Metrics {
		if s.Source != source || len(s.Zero) == 0 {
			continue
		}
		for _, v := range s.Zero {
			if v == "" {
				counters[s.Name].Add(ctx, 0)
			} else {
				counters[s.Name].Add(ctx, 0, metric.WithAttributes(attribute.String(s.Attributes[0], v)))
			}
		}
	}
}

func observables(m map[string]metric.Float64ObservableGauge) []metric.Observable {
	out := make([]metric.Observable, 0, len(m))
	for _, g := range m {
		out = append(out, g)
	}
	return out
}

func phaseAttr(p string) attribute.KeyValue { return attribute.String(catalog.AttrPhase, p) }

var (
	cacheHit  = attribute.String(catalog.AttrResult, "hit")
	cacheMiss = attribute.String(catalog.AttrResult, "miss")
)

// Observer returns the generator.Observer that records this pipeline's spans
// and metrics; on a disabled Telemetry it records nothing.
func (t *Telemetry) Observer() generator.Observer {
	if !t.enabled {
		return nopObserver{}
	}
	return &observer{t: t}
}

type nopObserver struct{}

func (nopObserver) RunStart(ctx context.Context, _ []string) context.Context     { return ctx }
func (nopObserver) PhaseDone(context.Context, generator.Phase, time.Time, error) {}
func (nopObserver) FileDone(context.Context, generator.FileEvent)                {}
func (nopObserver) OpDone(context.Context, generator.OpResult, time.Time, error) {}
func (nopObserver) RunDone(context.Context, *generator.Result, error)            {}

type observer struct{ t *Telemetry }

// attrKey identifies a combination of one or two string attributes (every
// measurement the observer records has one or two; k2 is "" when there is
// one): plain strings, which hash faster than attribute.KeyValues (whose
// hashing showed in the observer's CPU profile).
type attrKey struct{ k1, v1, k2, v2 string }

// measureOpts are one attribute combination's options, as the variadic
// slices Record and Add take: a slice built at each call escapes through the
// instrument's interface, an allocation per measurement.
type measureOpts struct {
	record []metric.RecordOption
	add    []metric.AddOption
}

// attrs returns the measurement options for an attribute combination,
// cached: building an attribute set allocates and sorts, and every
// operation records one. It takes a comparable key, not a variadic slice:
// a slice passed on to NewSet escaped, an allocation per measurement.
func (t *Telemetry) attrs(key attrKey) measureOpts {
	t.optsMu.RLock()
	opts, ok := t.opts[key]
	t.optsMu.RUnlock()
	if ok {
		return opts
	}
	kvs := []attribute.KeyValue{attribute.String(key.k1, key.v1)}
	if key.k2 != "" {
		kvs = append(kvs, attribute.String(key.k2, key.v2))
	}
	opt := metric.WithAttributeSet(attribute.NewSet(kvs...))
	opts = measureOpts{record: []metric.RecordOption{opt}, add: []metric.AddOption{opt}}
	t.optsMu.Lock()
	if t.opts == nil {
		t.opts = map[attrKey]measureOpts{}
	}
	t.opts[key] = opts
	t.optsMu.Unlock()
	return opts
}

type runStartKey struct{}

// Span names and attribute keys of the engine's fixed phases, operation kinds
// and template steps, built once: concatenating them per span allocated
// dozens of strings a run.
var (
	phaseSpans = prefixed("hypergen.", generator.PhaseResolve, generator.PhaseList, generator.PhaseRender,
		generator.PhasePlan, generator.PhaseApply)
	opSpans = prefixed("hypergen.op.", generator.OpAdd, generator.OpInject, generator.OpEcho, generator.OpShell)
	// templateSteps are the steps of one template, in the order they run.
	templateSteps = [...]struct{ op, span, attr string }{
		{"read", "hypergen.read", "hypergen.read.seconds"},
		{"parse", "hypergen.parse", "hypergen.parse.seconds"},
		{"compile", "hypergen.compile", "hypergen.compile.seconds"},
		{"render_template", "hypergen.render_template", "hypergen.render_template.seconds"},
	}
)

func prefixed[K ~string](prefix string, names ...K) map[K]string {
	m := make(map[K]string, len(names))
	for _, n := range names {
		m[n] = prefix + string(n)
	}
	return m
}

// spanName is table's name for k, or one built from prefix for a name the
// table does not know.
func spanName[K ~string](table map[K]string, prefix string, k K) string {
	if n, ok := table[k]; ok {
		return n
	}
	return prefix + string(k)
}

func (o *observer) RunStart(ctx context.Context, _ []string) context.Context {
	ctx, _ = o.t.tracer.Start(ctx, "hypergen.run")
	if !o.t.metrics {
		return ctx
	}
	return context.WithValue(ctx, runStartKey{}, time.Now())
}

// span records a finished child span of the run with explicit times: the
// engine reports steps after they end, with their start. A zero end means
// now. Each option passed to Start or End costs an allocation, and
// attributes given as a start option were copied twice more, so the
// attributes are set on the started span and the SDK takes the end time
// itself when it is now.
func (o *observer) span(ctx context.Context, name string, start, end time.Time, err error, attrs ...attribute.KeyValue) context.Context {
	ctx, s := o.t.tracer.Start(ctx, name, trace.WithTimestamp(start))
	if len(attrs) > 0 {
		s.SetAttributes(attrs...)
	}
	if err != nil {
		recordError(s, err)
	}
	if end.IsZero() {
		s.End()
	} else {
		s.End(trace.WithTimestamp(end))
	}
	return ctx
}

func recordError(s trace.Span, err error) {
	s.RecordError(err)
	s.SetStatus(codes.Error, err.Error())
	var te *generator.TemplateError
	if errors.As(err, &te) {
		s.SetAttributes(attribute.String("code.filepath", te.File))
		if te.Line > 0 {
			s.SetAttributes(attribute.Int("code.lineno", te.Line))
		}
	}
}

func outcome(err error) string {
	if err != nil {
		return "error"
	}
	return "ok"
}

// record adds one hypergen.operation.duration measurement, unless this
// pipeline records no metrics.
func (o *observer) record(ctx context.Context, op, outcome string, d time.Duration) {
	if !o.t.metrics {
		return
	}
	o.t.inst.duration.Record(ctx, d.Seconds(), o.t.attrs(attrKey{catalog.AttrOperation, op, catalog.AttrOutcome, outcome}).record...)
}

func (o *observer) PhaseDone(ctx context.Context, phase generator.Phase, start time.Time, err error) {
	d := time.Since(start)
	o.span(ctx, spanName(phaseSpans, "hypergen.", phase), start, time.Time{}, err)
	if !o.t.metrics {
		return
	}
	o.record(ctx, string(phase), outcome(err), d)
	if phase == generator.PhaseResolve || phase == generator.PhaseList {
		o.t.inst.startup.Record(ctx, d.Seconds(), o.t.attrs(attrKey{k1: catalog.AttrPhase, v1: string(phase)}).record...)
	}
}

func (o *observer) FileDone(ctx context.Context, f generator.FileEvent) {
	durations := [len(templateSteps)]time.Duration{f.Read, f.Parse, f.Compile, f.Render}
	total := time.Duration(0)
	for _, d := range durations {
		total += d
	}
	// Every attribute at once: the SDK grows the span's attribute slice at
	// each SetAttributes call.
	attrs := make([]attribute.KeyValue, 0, 3+len(templateSteps))
	attrs = append(attrs, attribute.String(catalog.AttrTemplate, f.Template), attribute.Int(catalog.AttrBytes, f.Bytes))
	// One bounded cache result per file, so the Collector can derive a hit
	// rate from the spans of processes that export no metrics.
	switch {
	case f.Compiled > 0:
		attrs = append(attrs, cacheMiss)
	case f.Cached > 0:
		attrs = append(attrs, cacheHit)
	}
	// The steps ran one after another. By default their durations are
	// attributes of the template span; a child span each (StepSpans) quadruples
	// the spans of a run, which is worth it only when chasing a slow template.
	if !o.t.StepSpans {
		for i, step := range templateSteps {
			attrs = append(attrs, attribute.Float64(step.attr, durations[i].Seconds()))
		}
	}
	fctx, fspan := o.t.tracer.Start(ctx, "hypergen.template", trace.WithTimestamp(f.Start))
	fspan.SetAttributes(attrs...) // not a start option: see span
	at := f.Start
	for i, step := range templateSteps {
		if o.t.StepSpans {
			o.span(fctx, step.span, at, at.Add(durations[i]), nil)
		}
		o.record(ctx, step.op, outcome(f.Err), durations[i])
		at = at.Add(durations[i])
	}
	if f.Err != nil {
		recordError(fspan, f.Err)
	}
	fspan.End(trace.WithTimestamp(f.Start.Add(total)))
	if o.t.metrics {
		o.t.inst.bytes.Add(ctx, int64(f.Bytes))
	}
}

func (o *observer) OpDone(ctx context.Context, op generator.OpResult, start time.Time, err error) {
	d := time.Since(start)
	st := string(op.Status)
	if err != nil {
		st = "error"
	}
	o.span(ctx, spanName(opSpans, "hypergen.op.", op.Kind), start, time.Time{}, err,
		attribute.String(catalog.AttrTemplate, op.Template), attribute.String(catalog.AttrTarget, op.Target),
		attribute.String(catalog.AttrOutcome, st), attribute.Int(catalog.AttrBytes, op.Bytes))
	if !o.t.metrics {
		return
	}
	o.record(ctx, string(op.Kind), st, d)
	if op.Kind == generator.OpAdd || op.Kind == generator.OpInject {
		o.t.inst.files.Add(ctx, 1, o.t.attrs(attrKey{catalog.AttrOperation, string(op.Kind), catalog.AttrOutcome, st}).add...)
	}
}

func (o *observer) RunDone(ctx context.Context, res *generator.Result, err error) {
	s := trace.SpanFromContext(ctx)
	if res != nil {
		s.SetAttributes(attribute.String(catalog.AttrGenerator, res.Generator), attribute.String(catalog.AttrAction, res.Action),
			attribute.Int(catalog.AttrFiles, res.Files), attribute.Bool(catalog.AttrDry, res.Dry), attribute.String(catalog.AttrOutcome, outcome(err)))
	} else {
		s.SetAttributes(attribute.String(catalog.AttrOutcome, outcome(err)))
	}
	if err != nil {
		recordError(s, err)
	}
	s.End()
	if !o.t.metrics {
		return
	}
	if start, ok := ctx.Value(runStartKey{}).(time.Time); ok {
		o.record(ctx, "run", outcome(err), time.Since(start))
	}
	o.t.inst.runs.Add(ctx, 1, o.t.attrs(attrKey{k1: catalog.AttrOutcome, v1: outcome(err)}).add...)
}
