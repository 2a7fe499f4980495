package instrument

import (
	"fmt"
	"sort"
	"strings"
)

// Metric names, as emitted over OTLP (Prometheus shows them with dots turned
// into underscores and a unit suffix, e.g. hypergen_operation_duration_seconds).
const (
	MetricOperationDuration = "hypergen.operation.duration"
	MetricStartupDuration   = "hypergen.startup.duration"
	MetricRuns              = "hypergen.runs"
	MetricCacheRequests     = "hypergen.cache.requests"
	MetricGeneratorsIndexed = "hypergen.generators.indexed"
	MetricTemplatesIndexed  = "hypergen.templates.indexed"
	MetricFilesWritten      = "hypergen.files.written"
	MetricRenderedBytes     = "hypergen.rendered.bytes"
	MetricTelemetryFailures = "hypergen.telemetry.export.failures"
	MetricTelemetryDropped  = "hypergen.telemetry.dropped"

	// Emitted by the agent (hypergen perf monitor).
	MetricProbeDuration          = "hypergen.probe.duration"
	MetricProbeMemory            = "hypergen.probe.memory"
	MetricProbeMemoryPerTemplate = "hypergen.probe.memory_per_template"
	MetricScalabilityExponent    = "hypergen.scalability.exponent"
	MetricTargetValue            = "hypergen.target.value"
	MetricTargetMet              = "hypergen.target.met"
	MetricProfilingUploads       = "hypergen.profiling.uploads"
	MetricAgentReindexes         = "hypergen.agent.reindexes"
	MetricAgentRequests          = "hypergen.agent.requests"
)

// Attribute keys. Values are bounded: operation kinds, outcomes, phases and
// signals. Generator and template names are high-cardinality and only go on
// spans.
const (
	AttrOperation = "hypergen.operation"
	AttrOutcome   = "hypergen.outcome"
	AttrPhase     = "hypergen.phase"
	AttrResult    = "hypergen.cache.result"
	AttrSignal    = "hypergen.signal"
	AttrProbeSize = "hypergen.probe.size"
	AttrResource  = "hypergen.resource"
	AttrBound     = "hypergen.bound"
	AttrBudget    = "hypergen.budget"

	AttrGenerator = "hypergen.generator"
	AttrAction    = "hypergen.action"
	AttrTemplate  = "hypergen.template"
	AttrTarget    = "hypergen.target"
	AttrBytes     = "hypergen.bytes"
	AttrFiles     = "hypergen.files"
	AttrDry       = "hypergen.dry"
)

// Kind is an instrument kind.
type Kind string

// Instrument kinds used in the catalog.
const (
	Histogram         Kind = "histogram"
	Counter           Kind = "counter"
	ObservableCounter Kind = "observable counter"
	ObservableGauge   Kind = "observable gauge"
)

// MetricSpec declares one metric.
type MetricSpec struct {
	Name        string
	Kind        Kind
	Unit        string
	Description string
	Attributes  []string // attribute keys, each with a bounded set of values
	Values      string   // what the attribute values are
}

// DurationBuckets are histogram bounds in seconds from 10 µs to 10 s: most
// engine operations take well under a millisecond, which the SDK's default
// (millisecond-shaped) buckets would lump into one.
var DurationBuckets = []float64{
	0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005,
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
}

// Catalog is every metric hypergen emits itself (the Go runtime metrics of
// go.opentelemetry.io/contrib/instrumentation/runtime come on top).
var Catalog = []MetricSpec{
	{MetricOperationDuration, Histogram, "s",
		"Duration of one engine operation: a phase of a run, a step of one template, or a file operation.",
		[]string{AttrOperation, AttrOutcome},
		"operation: run, resolve, list, render, plan, apply (phases); read, parse, compile, render_template (per template); add, inject, echo, sh (per operation). outcome: ok, error, or the operation's status (added, forced, injected, skipped, executed)."},
	{MetricStartupDuration, Histogram, "s",
		"Duration of the start-up phases that come before any template is rendered.",
		[]string{AttrPhase},
		"phase: telemetry (setting up this pipeline), resolve (templates root and action), list (walking and ordering the action's files)."},
	{MetricRuns, Counter, "{run}",
		"Generator runs, by outcome.",
		[]string{AttrOutcome},
		"outcome: ok, error."},
	{MetricCacheRequests, ObservableCounter, "{request}",
		"Compiled-template cache lookups, by result.",
		[]string{AttrResult},
		"result: hit, miss."},
	{MetricGeneratorsIndexed, ObservableGauge, "{generator}",
		"Generators in the template index, when an index is kept.",
		nil, ""},
	{MetricTemplatesIndexed, ObservableGauge, "{template}",
		"Template files in the template index, when an index is kept.",
		nil, ""},
	{MetricFilesWritten, Counter, "{file}",
		"Files written (or, in a dry run, that would be written) by add and inject, by outcome.",
		[]string{AttrOperation, AttrOutcome},
		"operation: add, inject. outcome: added, forced, injected, skipped."},
	{MetricRenderedBytes, Counter, "By",
		"Bytes of rendered template bodies.",
		nil, ""},
	{MetricTelemetryFailures, Counter, "{failure}",
		"Failed exports of this process's own telemetry, by signal.",
		[]string{AttrSignal},
		"signal: traces, metrics."},
	{MetricTelemetryDropped, Counter, "{item}",
		"Spans or metric data points lost because their export failed, by signal.",
		[]string{AttrSignal},
		"signal: traces, metrics."},
	{MetricProbeDuration, Histogram, "s",
		"Duration of one scalability probe generation on a synthetic template tree, by tree size.",
		[]string{AttrProbeSize},
		"size: the number of generators in the synthetic tree (10 templates each), e.g. 10, 100, 1000."},
	{MetricProbeMemory, ObservableGauge, "By",
		"Heap in use after indexing and rendering the latest probe tree, by tree size.",
		[]string{AttrProbeSize}, "size: as for hypergen.probe.duration."},
	{MetricProbeMemoryPerTemplate, ObservableGauge, "By",
		"Heap in use per template of the latest probe tree, by tree size.",
		[]string{AttrProbeSize}, "size: as for hypergen.probe.duration."},
	{MetricScalabilityExponent, ObservableGauge, "{exponent}",
		"Fitted growth exponent b of cost ≈ a·n^b across probe sizes (1 is linear), with its 95 % confidence bounds.",
		[]string{AttrResource, AttrBound},
		"resource: time, memory. bound: estimate, lower, upper."},
	{MetricTargetValue, ObservableGauge, "{value}",
		"Latest measured value of each performance budget (in the budget's unit: seconds, ratio or exponent).",
		[]string{AttrBudget}, "budget: a budget name from package budgets (generation_p95, cache_hit_ratio, …)."},
	{MetricTargetMet, ObservableGauge, "{boolean}",
		"1 when the budget is met, 0 when it is not.",
		[]string{AttrBudget}, "budget: as for hypergen.target.value."},
	{MetricProfilingUploads, Counter, "{upload}",
		"Continuous-profiling uploads to the Pyroscope server, by outcome.",
		[]string{AttrOutcome}, "outcome: ok, error."},
	{MetricAgentReindexes, Counter, "{reindex}",
		"Times the agent rebuilt its template index after templates changed.",
		nil, ""},
	{MetricAgentRequests, Counter, "{request}",
		"Generation requests served by the agent's API, by outcome.",
		[]string{AttrOutcome}, "outcome: ok, error, refused."},
}

// Spans lists the span names hypergen emits, for the catalog document.
var Spans = []struct{ Name, Description string }{
	{"hypergen.run", "One generator invocation (root span). Attributes: generator, action, files, dry; error status and the template location (code.filepath, code.lineno) on failure."},
	{"hypergen.resolve", "Finding the templates root and the action folder."},
	{"hypergen.list", "Walking and ordering the action's template files."},
	{"hypergen.render", "Parsing and rendering every template of the action."},
	{"hypergen.template", "One template file. Attributes: template, bytes, and the step durations hypergen.read.seconds, hypergen.parse.seconds, hypergen.compile.seconds, hypergen.render_template.seconds — or, with HYPERGEN_TRACE_STEPS=true, child spans hypergen.read, hypergen.parse, hypergen.compile and hypergen.render_template."},
	{"hypergen.plan", "Computing every operation's effect before anything is written."},
	{"hypergen.apply", "Writing files and running commands."},
	{"hypergen.op.add / .inject / .echo / .sh", "One operation. Attributes: template, target, outcome, bytes."},
	{"hypergen.probe", "One scalability probe run of the agent. Attributes: hypergen.probe.size, hypergen.files."},
	{"hypergen.agent.generate", "One generation requested through the agent's API; the hypergen.run tree is its child."},
}

// CatalogMarkdown renders the catalog as docs/metrics.md.
func CatalogMarkdown() string {
	var b strings.Builder
	b.WriteString("# hypergen metric and span catalog\n\n")
	b.WriteString("Generated from `instrument.Catalog` by `go run ./instrument/cmd/catalog`; a test fails when this file is stale.\n")
	b.WriteString("Durations are in seconds, sizes in bytes. Prometheus shows each name with dots as underscores and a unit\n")
	b.WriteString("suffix (`hypergen.operation.duration` → `hypergen_operation_duration_seconds`; counters end in `_total`).\n\n")
	b.WriteString("## Metrics\n\n| name | kind | unit | attributes | description |\n|---|---|---|---|---|\n")
	specs := append([]MetricSpec(nil), Catalog...)
	sort.Slice(specs, func(i, j int) bool { return specs[i].Name < specs[j].Name })
	for _, m := range specs {
		attrs := "—"
		if len(m.Attributes) > 0 {
			attrs = "`" + strings.Join(m.Attributes, "`, `") + "`"
		}
		desc := m.Description
		if m.Values != "" {
			desc += " " + m.Values
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s |\n", m.Name, m.Kind, m.Unit, attrs, desc)
	}
	b.WriteString("\nHistogram bucket bounds (seconds): ")
	for i, v := range DurationBuckets {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%g", v)
	}
	b.WriteString(".\n\nGo runtime metrics (`go.memory.used`, `go.goroutine.count`, `go.memory.gc.goal`, …) come from\n")
	b.WriteString("`go.opentelemetry.io/contrib/instrumentation/runtime`.\n\n## Spans\n\n| name | what it covers |\n|---|---|\n")
	for _, s := range Spans {
		fmt.Fprintf(&b, "| `%s` | %s |\n", s.Name, s.Description)
	}
	return b.String()
}
