package otlplite

import (
	"context"
	"encoding/binary"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/embedded"
)

// DefaultMaxSpans bounds the spans a provider keeps when Config.MaxSpans is
// zero. A CLI run ends a few dozen; the bound only stops a runaway loop from
// growing memory without end.
const DefaultMaxSpans = 65536

// Config says where spans go and what they carry. Environment variables are
// parsed by the caller. The instrumentation scope is not configured here: as
// with the SDK, it is the name and options given to Tracer.
type Config struct {
	// Endpoint is the Collector's OTLP/gRPC address, "host:port". It is
	// reached over plain TCP (h2c), as OTEL_EXPORTER_OTLP_INSECURE does.
	Endpoint string
	// Headers are sent as gRPC metadata with every export request
	// (OTEL_EXPORTER_OTLP_HEADERS). Keys are lower-cased on the wire.
	Headers map[string]string
	// Resource attributes describe the process (service.name, ...).
	Resource []attribute.KeyValue
	// MaxSpans bounds the finished spans kept for export; spans beyond it
	// are counted by Dropped. Zero means DefaultMaxSpans.
	MaxSpans int
}

// TracerProvider records spans in memory and exports them once, at Shutdown.
// It is safe for concurrent use.
type TracerProvider struct {
	embedded.TracerProvider

	cfg      Config
	maxSpans int

	mu      sync.Mutex
	tracers []*tracer
	ended   []*span
	closed  bool
	warm    *warmDial
	dropped atomic.Int64
	// stopped is closed's lock-free copy, read by every Tracer.Start.
	stopped atomic.Bool
}

var _ trace.TracerProvider = (*TracerProvider)(nil)

// New returns a provider exporting to cfg.Endpoint. It opens no connection
// until Warm or Shutdown.
func New(cfg Config) *TracerProvider {
	p := &TracerProvider{cfg: cfg, maxSpans: cfg.MaxSpans}
	if p.maxSpans <= 0 {
		p.maxSpans = DefaultMaxSpans
	}
	return p
}

// Tracer returns the tracer for one instrumentation scope; the same name,
// version, schema URL and attributes give the same tracer, as in the SDK.
// Spans are grouped by it into OTLP ScopeSpans.
func (p *TracerProvider) Tracer(name string, opts ...trace.TracerOption) trace.Tracer {
	c := trace.NewTracerConfig(opts...)
	attrs := c.InstrumentationAttributes()
	key := scopeKey{name, c.InstrumentationVersion(), c.SchemaURL(), attrs.Equivalent()}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, t := range p.tracers {
		if t.key == key {
			return t
		}
	}
	t := &tracer{provider: p, key: key, attrs: attrs.ToSlice()}
	p.tracers = append(p.tracers, t)
	return t
}

// Dropped reports how many ended spans were not kept for export: those
// beyond MaxSpans and those ended after Shutdown began.
func (p *TracerProvider) Dropped() int64 { return p.dropped.Load() }

// keep stores an ended span for export.
func (p *TracerProvider) keep(s *span) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || len(p.ended) >= p.maxSpans {
		p.dropped.Add(1)
		return
	}
	p.ended = append(p.ended, s)
}

type scopeKey struct {
	name, version, schemaURL string
	attrs                    attribute.Distinct
}

type tracer struct {
	embedded.Tracer

	provider *TracerProvider
	key      scopeKey
	attrs    []attribute.KeyValue
}

// Start begins a span whose parent is the span in ctx, if any. As with the
// SDK's default sampler (parent-based, always on), a child of an unsampled
// parent is not recorded, and everything else is.
func (t *tracer) Start(ctx context.Context, name string, opts ...trace.SpanStartOption) (context.Context, trace.Span) {
	if ctx == nil {
		ctx = context.Background()
	}
	c := trace.NewSpanStartConfig(opts...)
	var parent trace.SpanContext
	if !c.NewRoot() {
		parent = trace.SpanContextFromContext(ctx)
	}
	tid := parent.TraceID()
	if !tid.IsValid() {
		tid = newTraceID()
	}
	scc := trace.SpanContextConfig{TraceID: tid, SpanID: newSpanID(), TraceState: parent.TraceState()}
	if t.provider.stopped.Load() || (parent.IsValid() && !parent.IsSampled()) {
		ctx = trace.ContextWithSpanContext(ctx, trace.NewSpanContext(scc))
		return ctx, trace.SpanFromContext(ctx)
	}
	scc.TraceFlags = trace.FlagsSampled
	s := &span{
		tracer: t,
		sc:     trace.NewSpanContext(scc),
		parent: parent,
		kind:   trace.ValidateSpanKind(c.SpanKind()),
		name:   name,
		start:  c.Timestamp(),
	}
	if s.start.IsZero() {
		s.start = time.Now()
	}
	s.setAttributes(c.Attributes())
	for _, l := range c.Links() {
		s.addLink(l)
	}
	return trace.ContextWithSpan(ctx, s), s
}

// newTraceID and newSpanID use the runtime's ChaCha8 generator, randomly
// seeded per process, as the SDK's default ID generator uses a seeded PRNG.
func newTraceID() (id trace.TraceID) {
	binary.LittleEndian.PutUint64(id[:8], rand.Uint64())
	binary.LittleEndian.PutUint64(id[8:], rand.Uint64())
	return id
}

func newSpanID() (id trace.SpanID) {
	binary.LittleEndian.PutUint64(id[:], rand.Uint64())
	return id
}
