package instrument

import (
	"context"
	"strconv"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// The methods below are what the long-running agent records beyond
// generator runs. On a disabled Telemetry they do nothing.

// Tracer is the tracer hypergen's own spans come from.
func (t *Telemetry) Tracer() trace.Tracer { return t.tracer }

// RecordProbe records one scalability probe over a synthetic tree of
// generators generators and templates templates.
func (t *Telemetry) RecordProbe(ctx context.Context, generators, templates int, d time.Duration, heapBytes int64) {
	if t.inst == nil {
		return
	}
	size := attribute.String(catalog.AttrProbeSize, strconv.Itoa(generators))
	t.inst.Probe.Record(ctx, d.Seconds(), metric.WithAttributes(size))
	t.gauges.set(catalog.MetricProbeMemory, float64(heapBytes), size)
	if templates > 0 {
		t.gauges.set(catalog.MetricProbeMemoryPerTemplate, float64(heapBytes)/float64(templates), size)
	}
}

// SetExponent publishes a fitted growth exponent and its confidence bounds.
func (t *Telemetry) SetExponent(resource string, estimate, lower, upper float64) {
	r := attribute.String(catalog.AttrResource, resource)
	t.gauges.set(catalog.MetricScalabilityExponent, estimate, r, attribute.String(catalog.AttrBound, "estimate"))
	t.gauges.set(catalog.MetricScalabilityExponent, lower, r, attribute.String(catalog.AttrBound, "lower"))
	t.gauges.set(catalog.MetricScalabilityExponent, upper, r, attribute.String(catalog.AttrBound, "upper"))
}

// SetTarget publishes a budget's latest value and whether it is met.
func (t *Telemetry) SetTarget(budget string, value float64, met bool) {
	b := attribute.String(catalog.AttrBudget, budget)
	t.gauges.set(catalog.MetricTargetValue, value, b)
	m := 0.0
	if met {
		m = 1
	}
	t.gauges.set(catalog.MetricTargetMet, m, b)
}

// AgentStarted reports the agent's counters whose series are known in
// advance (reindexes, requests and profile uploads by outcome) at 0, so
// rate() and absent() work from the first scrape. The agent calls it once.
func (t *Telemetry) AgentStarted(ctx context.Context) {
	if t.inst != nil {
		t.inst.Zero(ctx, catalog.FromAgent)
	}
}

// AgentUp publishes whether the agent runs: true when it starts, false when
// it stops cleanly, before its last export.
func (t *Telemetry) AgentUp(up bool) {
	v := 0.0
	if up {
		v = 1
	}
	t.gauges.set(catalog.MetricAgentUp, v)
}

// ProfilingUpload counts one profile upload.
func (t *Telemetry) ProfilingUpload(ctx context.Context, err error) {
	if t.inst != nil {
		t.inst.Uploads.Add(ctx, 1, metric.WithAttributes(attribute.String(catalog.AttrOutcome, observe.Outcome(err))))
	}
}

// Reindexed counts one rebuild of the agent's template index.
func (t *Telemetry) Reindexed(ctx context.Context) {
	if t.inst != nil {
		t.inst.Reindexes.Add(ctx, 1)
	}
}

// AgentRequest counts one request to the agent's generation API.
func (t *Telemetry) AgentRequest(ctx context.Context, outcome string) {
	if t.inst != nil {
		t.inst.Requests.Add(ctx, 1, metric.WithAttributes(attribute.String(catalog.AttrOutcome, outcome)))
	}
}

// AgentRelayed counts one request received on the agent's relay socket:
// err is nil when it was passed on, the reason it was refused otherwise.
func (t *Telemetry) AgentRelayed(ctx context.Context, err error) {
	if t.inst != nil {
		outcome := "ok"
		if err != nil {
			outcome = "refused"
		}
		t.inst.Relayed.Add(ctx, 1, metric.WithAttributes(attribute.String(catalog.AttrOutcome, outcome)))
	}
}

// WrapTracerProvider replaces the tracer provider with wrap(current), for
// decorators such as profile-to-trace linking. Call it before any span is
// started.
func (t *Telemetry) WrapTracerProvider(wrap func(trace.TracerProvider) trace.TracerProvider) {
	if !t.enabled {
		return
	}
	t.TracerProvider = wrap(t.TracerProvider)
	t.tracer = t.TracerProvider.Tracer(catalog.InstrumentationScope)
}
