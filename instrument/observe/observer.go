package observe

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// Instruments are the metric instruments hypergen records into, made from
// the catalog by package instrument. Those of a pipeline without metric
// readers are no-op instruments.
type Instruments struct {
	Duration, Startup, Probe     metric.Float64Histogram
	Runs, Files, Bytes           metric.Int64Counter
	Uploads, Reindexes, Requests metric.Int64Counter
	Relayed                      metric.Int64Counter

	optsMu sync.RWMutex
	opts   map[attrKey]measureOpts // see attrs
}

// counters maps the catalog's counters to their instruments.
func (in *Instruments) counters() map[string]metric.Int64Counter {
	return map[string]metric.Int64Counter{catalog.MetricRuns: in.Runs, catalog.MetricFilesWritten: in.Files, catalog.MetricRenderedBytes: in.Bytes,
		catalog.MetricProfilingUploads: in.Uploads, catalog.MetricAgentReindexes: in.Reindexes, catalog.MetricAgentRequests: in.Requests,
		catalog.MetricAgentRelayed: in.Relayed}
}

// Zero reports every series the catalog lists in Zero for the counters of
// source at 0: adding 0 makes the SDK export the series before its first
// event.
func (in *Instruments) Zero(ctx context.Context, source catalog.Source) {
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

// New returns the observer that records a run's spans with tracer and,
// unless inst is nil, its measurements into inst. stepSpans gives each
// template's read, parse, compile and render steps spans of their own.
func New(tracer trace.Tracer, inst *Instruments, stepSpans bool) generator.Observer {
	return &observer{tracer: tracer, inst: inst, stepSpans: stepSpans}
}

// Nop is an observer that records nothing.
type Nop struct{}

func (Nop) RunStart(ctx context.Context, _ []string) context.Context     { return ctx }
func (Nop) PhaseDone(context.Context, generator.Phase, time.Time, error) {}
func (Nop) FileDone(context.Context, generator.FileEvent)                {}
func (Nop) OpDone(context.Context, generator.OpResult, time.Time, error) {}
func (Nop) RunDone(context.Context, *generator.Result, error)            {}

type observer struct {
	tracer    trace.Tracer
	inst      *Instruments // nil: spans only
	stepSpans bool
}

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
func (in *Instruments) attrs(key attrKey) measureOpts {
	in.optsMu.RLock()
	opts, ok := in.opts[key]
	in.optsMu.RUnlock()
	if ok {
		return opts
	}
	kvs := []attribute.KeyValue{attribute.String(key.k1, key.v1)}
	if key.k2 != "" {
		kvs = append(kvs, attribute.String(key.k2, key.v2))
	}
	opt := metric.WithAttributeSet(attribute.NewSet(kvs...))
	opts = measureOpts{record: []metric.RecordOption{opt}, add: []metric.AddOption{opt}}
	in.optsMu.Lock()
	if in.opts == nil {
		in.opts = map[attrKey]measureOpts{}
	}
	in.opts[key] = opts
	in.optsMu.Unlock()
	return opts
}

type runStartKey struct{}

// Span names of the engine's fixed phases and operation kinds, built once:
// concatenating them per span allocated dozens of strings a run. Built on
// first use, not in the package's init, which every hypergen process runs,
// recording or not.
var (
	phaseSpans = sync.OnceValue(func() map[generator.Phase]string {
		return prefixed("hypergen.", generator.PhaseResolve, generator.PhaseList, generator.PhaseRender,
			generator.PhasePlan, generator.PhaseApply)
	})
	opSpans = sync.OnceValue(func() map[generator.OpKind]string {
		return prefixed("hypergen.op.", generator.OpAdd, generator.OpInject, generator.OpEcho, generator.OpShell)
	})
)

// templateSteps are the steps of one template, in the order they run.
var templateSteps = [...]struct{ op, span, attr string }{
	{"read", "hypergen.read", "hypergen.read.seconds"},
	{"parse", "hypergen.parse", "hypergen.parse.seconds"},
	{"compile", "hypergen.compile", "hypergen.compile.seconds"},
	{"render_template", "hypergen.render_template", "hypergen.render_template.seconds"},
}

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

// Replayer records the events of a run that happened earlier, each with
// the times a live Observer reads from the clock when it is called (a zero
// end time still means now). Package runrecord replays a run's record
// through one, so a record gives the spans the run itself would have made.
type Replayer interface {
	RunStartAt(ctx context.Context, at time.Time) context.Context
	PhaseDoneAt(ctx context.Context, phase generator.Phase, start, end time.Time, err error)
	FileDone(ctx context.Context, f generator.FileEvent)
	OpDoneAt(ctx context.Context, op generator.OpResult, start, end time.Time, err error)
	RunDoneAt(ctx context.Context, res *generator.Result, end time.Time, err error)
}

// NewReplayer returns a Replayer that records spans with tracer, the same
// spans New's observer records for the same events.
func NewReplayer(tracer trace.Tracer, stepSpans bool) Replayer {
	return &observer{tracer: tracer, stepSpans: stepSpans}
}

func (o *observer) RunStart(ctx context.Context, _ []string) context.Context {
	return o.RunStartAt(ctx, time.Time{})
}

func (o *observer) RunStartAt(ctx context.Context, at time.Time) context.Context {
	if at.IsZero() {
		// No timestamp option: each costs an allocation (see span).
		ctx, _ = o.tracer.Start(ctx, "hypergen.run")
		at = time.Now()
	} else {
		ctx, _ = o.tracer.Start(ctx, "hypergen.run", trace.WithTimestamp(at))
	}
	if o.inst == nil {
		return ctx
	}
	return context.WithValue(ctx, runStartKey{}, at)
}

// since is end - start, with a zero end meaning now.
func since(start, end time.Time) time.Duration {
	if end.IsZero() {
		return time.Since(start)
	}
	return end.Sub(start)
}

// span records a finished child span of the run with explicit times: the
// engine reports steps after they end, with their start. A zero end means
// now. Each option passed to Start or End costs an allocation, and
// attributes given as a start option were copied twice more, so the
// attributes are set on the started span and the SDK takes the end time
// itself when it is now.
func (o *observer) span(ctx context.Context, name string, start, end time.Time, err error, attrs ...attribute.KeyValue) context.Context {
	ctx, s := o.tracer.Start(ctx, name, trace.WithTimestamp(start))
	if len(attrs) > 0 {
		s.SetAttributes(attrs...)
	}
	if err != nil {
		recordError(s, err, end)
	}
	endAt(s, end)
	return ctx
}

// endAt ends s at end, or now when end is zero (no option: each costs an
// allocation).
func endAt(s trace.Span, end time.Time) {
	if end.IsZero() {
		s.End()
	} else {
		s.End(trace.WithTimestamp(end))
	}
}

// RecordError marks s failed with err, and names the template and line at
// fault when err is a generator.TemplateError. An error that names its own
// type (ExceptionType, as one decoded from a run record does) gets the
// exception event the tracer would give the error it stands for.
func RecordError(s trace.Span, err error) { recordError(s, err, time.Time{}) }

// recordError is RecordError with the time of the exception event (at: when
// the step failed, for an error replayed from a run record; zero is now).
func recordError(s trace.Span, err error, at time.Time) {
	if named, ok := err.(interface{ ExceptionType() string }); ok {
		opts := []trace.EventOption{trace.WithAttributes(attribute.String("exception.type", named.ExceptionType()),
			attribute.String("exception.message", err.Error()))}
		if !at.IsZero() {
			opts = append(opts, trace.WithTimestamp(at))
		}
		s.AddEvent("exception", opts...)
	} else {
		s.RecordError(err)
	}
	s.SetStatus(codes.Error, err.Error())
	var te *generator.TemplateError
	if errors.As(err, &te) {
		s.SetAttributes(attribute.String("code.filepath", te.File))
		if te.Line > 0 {
			s.SetAttributes(attribute.Int("code.lineno", te.Line))
		}
	}
}

// Outcome is the hypergen.outcome of a step that returned err.
func Outcome(err error) string {
	if err != nil {
		return "error"
	}
	return "ok"
}

// record adds one hypergen.operation.duration measurement, unless this
// pipeline records no metrics.
func (o *observer) record(ctx context.Context, op, outcome string, d time.Duration) {
	if o.inst == nil {
		return
	}
	o.inst.RecordDuration(ctx, op, outcome, d)
}

// RecordDuration adds one hypergen.operation.duration measurement.
func (in *Instruments) RecordDuration(ctx context.Context, op, outcome string, d time.Duration) {
	in.Duration.Record(ctx, d.Seconds(), in.attrs(attrKey{catalog.AttrOperation, op, catalog.AttrOutcome, outcome}).record...)
}

func (o *observer) PhaseDone(ctx context.Context, phase generator.Phase, start time.Time, err error) {
	o.PhaseDoneAt(ctx, phase, start, time.Time{}, err)
}

func (o *observer) PhaseDoneAt(ctx context.Context, phase generator.Phase, start, end time.Time, err error) {
	d := since(start, end)
	o.span(ctx, spanName(phaseSpans(), "hypergen.", phase), start, end, err)
	if o.inst == nil {
		return
	}
	o.record(ctx, string(phase), Outcome(err), d)
	if phase == generator.PhaseResolve || phase == generator.PhaseList {
		o.inst.Startup.Record(ctx, d.Seconds(), o.inst.attrs(attrKey{k1: catalog.AttrPhase, v1: string(phase)}).record...)
	}
}

func (o *observer) FileDone(ctx context.Context, f generator.FileEvent) {
	durations := [len(templateSteps)]time.Duration{f.Read, f.Parse, f.Compile, f.Render}
	// Every attribute at once: the SDK grows the span's attribute slice at
	// each SetAttributes call.
	attrs := make([]attribute.KeyValue, 0, 3+len(templateSteps))
	attrs = append(attrs, attribute.String(catalog.AttrTemplate, f.Template), attribute.Int(catalog.AttrBytes, f.Bytes))
	// One bounded cache result per file, so the Collector can derive a hit
	// rate from the spans of processes that export no metrics.
	switch {
	case f.Compiled > 0:
		attrs = append(attrs, attribute.String(catalog.AttrResult, "miss"))
	case f.Cached > 0:
		attrs = append(attrs, attribute.String(catalog.AttrResult, "hit"))
	}
	// The steps ran one after another. By default their durations are
	// attributes of the template span; a child span each (StepSpans) quadruples
	// the spans of a run, which is worth it only when chasing a slow template.
	if !o.stepSpans {
		for i, step := range templateSteps {
			attrs = append(attrs, attribute.Float64(step.attr, durations[i].Seconds()))
		}
	}
	fctx, fspan := o.tracer.Start(ctx, "hypergen.template", trace.WithTimestamp(f.Start))
	fspan.SetAttributes(attrs...) // not a start option: see span
	// After the loop, at is where the last step ended: the file's end.
	at := f.Start
	for i, step := range templateSteps {
		// A failed file's error is its failed step's: the steps before it
		// succeeded, and one after it is left out unless it ran.
		var err error
		if f.Err != nil {
			if s := generator.Step(i); s == f.Failed {
				err = f.Err
			} else if s > f.Failed && durations[i] == 0 {
				continue
			}
		}
		if o.stepSpans {
			o.span(fctx, step.span, at, at.Add(durations[i]), err)
		}
		o.record(ctx, step.op, Outcome(err), durations[i])
		at = at.Add(durations[i])
	}
	if f.Err != nil {
		recordError(fspan, f.Err, at)
	}
	fspan.End(trace.WithTimestamp(at))
	if o.inst != nil {
		o.inst.Bytes.Add(ctx, int64(f.Bytes))
	}
}

func (o *observer) OpDone(ctx context.Context, op generator.OpResult, start time.Time, err error) {
	o.OpDoneAt(ctx, op, start, time.Time{}, err)
}

func (o *observer) OpDoneAt(ctx context.Context, op generator.OpResult, start, end time.Time, err error) {
	d := since(start, end)
	st := string(op.Status)
	if err != nil {
		st = "error"
	}
	o.span(ctx, spanName(opSpans(), "hypergen.op.", op.Kind), start, end, err,
		attribute.String(catalog.AttrTemplate, op.Template), attribute.String(catalog.AttrTarget, op.Target),
		attribute.String(catalog.AttrOutcome, st), attribute.Int(catalog.AttrBytes, op.Bytes))
	if o.inst == nil {
		return
	}
	o.record(ctx, string(op.Kind), st, d)
	if op.Kind == generator.OpAdd || op.Kind == generator.OpInject {
		o.inst.Files.Add(ctx, 1, o.inst.attrs(attrKey{catalog.AttrOperation, string(op.Kind), catalog.AttrOutcome, st}).add...)
	}
}

func (o *observer) RunDone(ctx context.Context, res *generator.Result, err error) {
	o.RunDoneAt(ctx, res, time.Time{}, err)
}

func (o *observer) RunDoneAt(ctx context.Context, res *generator.Result, end time.Time, err error) {
	s := trace.SpanFromContext(ctx)
	if res != nil {
		s.SetAttributes(attribute.String(catalog.AttrGenerator, res.Generator), attribute.String(catalog.AttrAction, res.Action),
			attribute.Int(catalog.AttrFiles, res.Files), attribute.Bool(catalog.AttrDry, res.Dry), attribute.String(catalog.AttrOutcome, Outcome(err)))
	} else {
		s.SetAttributes(attribute.String(catalog.AttrOutcome, Outcome(err)))
	}
	if err != nil {
		recordError(s, err, end)
	}
	endAt(s, end)
	if o.inst == nil {
		return
	}
	if start, ok := ctx.Value(runStartKey{}).(time.Time); ok {
		o.record(ctx, "run", Outcome(err), since(start, end))
	}
	o.inst.Runs.Add(ctx, 1, o.inst.attrs(attrKey{k1: catalog.AttrOutcome, v1: Outcome(err)}).add...)
}
