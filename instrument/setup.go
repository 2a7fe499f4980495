package instrument

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"go.opentelemetry.io/contrib/instrumentation/runtime"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// Telemetry is a configured pipeline. The zero value is not usable; get one
// from Setup (or Disabled).
type Telemetry struct {
	cfg            Config
	TracerProvider trace.TracerProvider
	MeterProvider  metric.MeterProvider
	Stats          *exporters.Stats
	// Prometheus is the pull endpoint when the prometheus exporter is on.
	Prometheus *exporters.Server
	// StepSpans gives each template's read, parse, compile and render steps
	// spans of their own (HYPERGEN_TRACE_STEPS); otherwise their durations
	// are attributes of the template span.
	StepSpans bool

	tracer     trace.Tracer
	forward    []*forwarder // see Forward
	inst       *observe.Instruments
	shutdownMu sync.Mutex // Shutdown may come from a signal handler and a defer at once
	shutdowns  []func(context.Context) error
	// hostErrors is the process's OpenTelemetry error handler before Setup
	// replaced it; Shutdown puts it back.
	hostErrors otel.ErrorHandler
	errSink    *errorSink
	handedBack atomic.Bool
	console    io.Closer
	report     reporter
	cacheStats func() (hits, misses int64)
	indexStats func() (generators, templates int64)
	statsMu    sync.Mutex
	gauges     gaugeStore
	enabled    bool
	// metrics is false when nothing reads metrics (a one-shot run that
	// exports spans only): the observer then skips every measurement
	// instead of recording it into a no-op meter.
	metrics bool
}

// oneShotQueue holds every span of a 10,000-template action with step
// spans (five a template, one an operation, and the run's).
const oneShotQueue = 1 << 16

// Disabled is a Telemetry that records nothing.
func Disabled() *Telemetry {
	t := &Telemetry{TracerProvider: tracenoop.NewTracerProvider(), MeterProvider: metricnoop.NewMeterProvider()}
	t.tracer = t.TracerProvider.Tracer("hypergen")
	return t
}

// Enabled reports whether anything is recorded.
func (t *Telemetry) Enabled() bool { return t.enabled }

// Setup builds the providers for cfg. errOut receives the first export
// failure (later ones are only counted, in hypergen.telemetry.* metrics)
// and one line if the final flush fails (see Shutdown). Until Shutdown,
// OpenTelemetry's process-wide error handler (otel.SetErrorHandler) is
// Setup's, feeding that report; Shutdown puts back the one it replaced.
// The OTLP exporters read their OTEL_EXPORTER_OTLP_* settings from the
// process environment themselves, whatever getenv FromEnv was given.
func Setup(ctx context.Context, cfg Config, errOut io.Writer) (*Telemetry, error) {
	if cfg.OneShot && !cfg.metricsChosen {
		cfg.Metrics = nil
	}
	if cfg.OneShot {
		// No one can scrape a pull endpoint in a process that exits as
		// soon as it has generated, and its port would be the agent's
		// (or another run's): a one-shot run opens none.
		cfg.Metrics = slices.DeleteFunc(slices.Clone(cfg.Metrics), func(k exporters.Kind) bool { return k == exporters.Prometheus })
	}
	if !cfg.Enabled || (len(cfg.Traces) == 0 && len(cfg.Metrics) == 0) {
		return Disabled(), nil
	}
	start := time.Now()
	t := &Telemetry{cfg: cfg, Stats: &exporters.Stats{}, report: reporter{out: errOut}, enabled: true, StepSpans: cfg.StepSpans,
		metrics: len(cfg.Metrics) > 0}
	t.Stats.OnError = t.report.exportFailed

	res, err := resource.New(ctx,
		// Every process is its own instance: cumulative series from two
		// processes would otherwise overwrite each other in the Collector,
		// which deletes the instance again where it aggregates spans.
		resource.WithAttributes(semconv.ServiceName(cfg.ServiceName), semconv.ServiceVersion(cfg.ServiceVersion),
			semconv.ServiceInstanceID(uuid.NewString())),
		resource.WithFromEnv(), resource.WithHost(), resource.WithProcessPID(),
		resource.WithProcessExecutableName(), resource.WithProcessRuntimeVersion(), resource.WithTelemetrySDK())
	if err != nil && res == nil {
		return nil, fmt.Errorf("telemetry resource: %w", err)
	}
	ecfg := exporters.Config{Retry: cfg.Retry, PrometheusListen: cfg.PrometheusListen,
		MetricInterval: cfg.MetricInterval, Stats: t.Stats, Console: os.Stderr}
	if cfg.ConsolePath != "" {
		f, err := os.OpenFile(cfg.ConsolePath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, fmt.Errorf("HYPERGEN_TELEMETRY_FILE: %w", err)
		}
		t.console, ecfg.Console = f, f
	}
	fail := func(err error) (*Telemetry, error) {
		_ = t.Shutdown(context.Background())
		return nil, err
	}

	topts := []sdktrace.TracerProviderOption{sdktrace.WithResource(res)}
	var batching []sdktrace.BatchSpanProcessorOption
	if cfg.OneShot {
		// A run's spans end faster than exports drain them, and the SDK's
		// queue of 2,048 drops the rest without a word: a 1,500-template
		// action with HYPERGEN_TRACE_STEPS lost more than half its
		// template spans. They are in memory until exported anyway, so a
		// one-shot run queues a whole action of the seed's size; the final
		// flush is bounded by ShutdownTimeout as before.
		batching = append(batching, sdktrace.WithMaxQueueSize(oneShotQueue))
	}
	var exps []sdktrace.SpanExporter // until the provider below owns them
	for _, k := range cfg.Traces {
		exp, err := exporters.NewSpanExporter(ctx, k, ecfg)
		if err != nil {
			for _, e := range exps {
				_ = e.Shutdown(context.Background())
			}
			return fail(err)
		}
		exps = append(exps, exp)
		topts = append(topts, sdktrace.WithBatcher(exp, batching...))
		if cfg.Forwarding {
			f := newForwarder(exp)
			t.forward = append(t.forward, f)
			// Before the provider's, which shuts the exporters down.
			t.shutdowns = append(t.shutdowns, f.Shutdown)
		}
	}
	tp := sdktrace.NewTracerProvider(topts...)
	t.shutdowns = append(t.shutdowns, tp.Shutdown)
	t.TracerProvider = tp

	if len(cfg.Metrics) == 0 {
		// Nothing would read them (a CLI run exports spans only): record none.
		t.MeterProvider = metricnoop.NewMeterProvider()
	} else if err := t.setupMetrics(ctx, cfg, res, ecfg); err != nil {
		return fail(err)
	}
	t.hostErrors = otel.GetErrorHandler()
	t.errSink = &errorSink{t}
	otel.SetErrorHandler(t.errSink)
	if err := t.instrument(); err != nil {
		return fail(err)
	}
	if t.metrics {
		t.inst.Startup.Record(ctx, time.Since(start).Seconds(), metric.WithAttributes(phaseAttr("telemetry")))
	}
	return t, nil
}

// setupMetrics builds the meter provider with a reader per exporter, and
// the Go runtime metrics.
func (t *Telemetry) setupMetrics(ctx context.Context, cfg Config, res *resource.Resource, ecfg exporters.Config) error {
	mopts := []sdkmetric.Option{sdkmetric.WithResource(res), sdkmetric.WithView(durationView())}
	// A periodic reader runs from the moment it is made, and a pull
	// endpoint holds its port: until the provider owns them, a failure
	// stops what was built before it, or a corrected retry would find the
	// port taken and the readers logging on every interval.
	var built []func(context.Context) error
	fail := func(err error) error {
		for _, stop := range built {
			_ = stop(context.Background())
		}
		return err
	}
	for _, k := range cfg.Metrics {
		reader, srv, err := exporters.NewMetricReader(ctx, k, ecfg)
		if err != nil {
			return fail(err)
		}
		built = append(built, reader.Shutdown)
		if srv != nil {
			if err := srv.Start(); err != nil {
				return fail(err)
			}
			built = append(built, srv.Shutdown)
			t.Prometheus = srv
		}
		mopts = append(mopts, sdkmetric.WithReader(reader))
	}
	mp := sdkmetric.NewMeterProvider(mopts...)
	// Shutdown runs in this order: spans flush first, so the metrics flushed
	// next still count any span export that failed; the pull endpoint goes last.
	t.shutdowns = append(t.shutdowns, mp.Shutdown)
	if t.Prometheus != nil {
		t.shutdowns = append(t.shutdowns, t.Prometheus.Shutdown)
	}
	t.MeterProvider = mp
	if err := runtime.Start(runtime.WithMeterProvider(mp)); err != nil {
		return fmt.Errorf("runtime metrics: %w", err)
	}
	return nil
}

// FromProviders instruments with providers the caller built and owns (a Go
// service with its own OpenTelemetry setup, or a benchmark). Shutdown does
// not shut them down.
func FromProviders(tp trace.TracerProvider, mp metric.MeterProvider) (*Telemetry, error) {
	if tp == nil || mp == nil {
		return nil, errors.New("instrument.FromProviders: both providers are needed (instrument.Disabled is telemetry off)")
	}
	t := &Telemetry{TracerProvider: tp, MeterProvider: mp, Stats: &exporters.Stats{}, enabled: true, metrics: true}
	if err := t.instrument(); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *Telemetry) instrument() error {
	t.tracer = t.TracerProvider.Tracer(catalog.InstrumentationScope)
	if !t.metrics {
		// Nothing reads metrics: creating the catalog's instruments on a
		// no-op meter would still cost a CLI process a hundred allocations.
		t.inst = noInstruments
		return nil
	}
	var err error
	t.inst, err = newInstruments(t.MeterProvider.Meter(catalog.InstrumentationScope), t)
	return err
}

// durationView gives every duration histogram sub-millisecond buckets.
func durationView() sdkmetric.View {
	return sdkmetric.NewView(
		sdkmetric.Instrument{Kind: sdkmetric.InstrumentKindHistogram, Unit: "s"},
		sdkmetric.Stream{Aggregation: sdkmetric.AggregationExplicitBucketHistogram{Boundaries: catalog.DurationBuckets}},
	)
}

// ObserveCache reports a compiled-template cache's lookups as
// hypergen.cache.requests.
func (t *Telemetry) ObserveCache(stats func() (hits, misses int64)) {
	t.statsMu.Lock()
	t.cacheStats = stats
	t.statsMu.Unlock()
}

// ObserveIndex reports the size of a template index as
// hypergen.generators.indexed and hypergen.templates.indexed.
func (t *Telemetry) ObserveIndex(stats func() (generators, templates int64)) {
	t.statsMu.Lock()
	t.indexStats = stats
	t.statsMu.Unlock()
}

// Shutdown flushes and stops the pipeline within the configured timeout,
// using a fresh context: the caller's may already be cancelled by a signal,
// and the last export would be lost with it. A caller's earlier deadline
// still applies. When the flush fails it prints one line to Setup's errOut
// (for a collector that does not answer in time: its endpoint, the limit
// and the setting that raises it) and returns the same error.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	timeout := t.cfg.ShutdownTimeout
	if timeout <= 0 {
		timeout = DefaultShutdownTimeout
	}
	limit := timeout
	if d, ok := ctx.Deadline(); ok && time.Until(d) < timeout {
		timeout = time.Until(d)
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	t.shutdownMu.Lock()
	defer t.shutdownMu.Unlock()
	t.report.beginShutdown()
	var errs []error
	for _, shutdown := range t.shutdowns {
		if err := shutdown(sctx); err != nil {
			errs = append(errs, err)
		}
	}
	t.shutdowns = nil
	if t.errSink != nil {
		t.handedBack.Store(true)
		// Only if it is still this Telemetry's: a handler set since (the
		// host's, another Telemetry's) stays.
		if otel.GetErrorHandler() == otel.ErrorHandler(t.errSink) {
			// Past Telemetrys that were shut down while a later one held
			// the handler: the one before them all is the host's.
			host := t.hostErrors
			for s, ok := host.(*errorSink); ok && s.t.handedBack.Load(); s, ok = host.(*errorSink) {
				host = s.t.hostErrors
			}
			otel.SetErrorHandler(host)
		}
		t.errSink = nil
	}
	timedOut := deadlineHit(sctx, errors.Join(errs...))
	if t.console != nil {
		errs = append(errs, t.console.Close())
		t.console = nil
	}
	return t.report.finishShutdown(t.cfg, errors.Join(errs...), timedOut, limit)
}

// errorSink is the OpenTelemetry error handler a Telemetry sets while it
// runs; a pointer, so Shutdown can tell whether it is still the one set.
type errorSink struct{ t *Telemetry }

func (s *errorSink) Handle(err error) {
	if s.t.handedBack.Load() {
		// Reached only through OpenTelemetry's default handler, which keeps
		// delegating to the first handler ever set, or through a later
		// Telemetry that had this one as its host's: do what the default
		// does without a delegate.
		log.Print(err)
		return
	}
	s.t.report.exportFailed("sdk", err)
}

// gaugeStore holds the latest value of each observable gauge series that
// the agent sets, for the collection callback.
type gaugeStore struct {
	mu     sync.Mutex
	values map[string]map[attribute.Distinct]gaugeValue
}

type gaugeValue struct {
	attrs metric.MeasurementOption
	v     float64
}

func (g *gaugeStore) set(name string, v float64, kvs ...attribute.KeyValue) {
	set := attribute.NewSet(kvs...)
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.values == nil {
		g.values = map[string]map[attribute.Distinct]gaugeValue{}
	}
	if g.values[name] == nil {
		g.values[name] = map[attribute.Distinct]gaugeValue{}
	}
	g.values[name][set.Equivalent()] = gaugeValue{metric.WithAttributeSet(set), v}
}

func (g *gaugeStore) each(name string, f func(v float64, opt metric.MeasurementOption)) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, gv := range g.values[name] {
		f(gv.v, gv.attrs)
	}
}
