package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// InstrumentationScope names hypergen's tracer and meter.
const InstrumentationScope = "github.com/hypergen-dev/hypergen"

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
	MetricAgentRelayed           = "hypergen.agent.relay.requests"
	MetricAgentUp                = "hypergen.agent.up"

	// Derived by the Collector from spans (spanmetrics connector, namespace
	// hypergen.spans): Prometheus shows hypergen_spans_calls_total and
	// hypergen_spans_duration_seconds.
	MetricSpanCalls    = "hypergen.spans.calls"
	MetricSpanDuration = "hypergen.spans.duration"
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

	// The spanmetrics connector's own dimensions.
	AttrServiceName = "service.name"
	AttrSpanName    = "span.name"
	AttrSpanKind    = "span.kind"
	AttrStatusCode  = "status.code"
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

// Source says which processes report a metric.
type Source string

// Metric sources.
const (
	// FromProcess: every long-lived hypergen process (the agent, a Go
	// service using the library). A one-shot CLI run exports no metrics
	// unless OTEL_METRICS_EXPORTER asks for them; its counts reach
	// Prometheus through FromCollector.
	FromProcess Source = "process"
	// FromAgent: only `hypergen perf monitor`.
	FromAgent Source = "agent"
	// FromCollector: derived from spans by the bundled Collector pipeline
	// (otel-collector.yaml: resource processor, then the spanmetrics
	// connector), from every process that exports spans, the CLI included.
	FromCollector Source = "collector"
)

// MetricSpec declares one metric.
type MetricSpec struct {
	Name        string
	Kind        Kind
	Unit        string
	Description string
	Attributes  []string // attribute keys, each bounded (see Attributes)
	Values      string   // what the attribute values mean for this metric
	Source      Source   // who reports it ("" means FromProcess)
	// Zero lists, for a counter whose series are known in advance, the
	// values of its one attribute ([""] for a counter without attributes):
	// each such series is reported at 0 from the start, so rate() and
	// absent() work from the first scrape.
	Zero []string
}

// DurationBuckets are histogram bounds in seconds from 10 µs to 10 s: most
// engine operations take well under a millisecond, which the SDK's default
// (millisecond-shaped) buckets would lump into one.
var DurationBuckets = []float64{
	0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005,
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
}

// Metrics is every metric hypergen reports (the Go runtime metrics of
// go.opentelemetry.io/contrib/instrumentation/runtime come on top of those
// FromProcess and FromAgent).
var Metrics = []MetricSpec{
	{MetricOperationDuration, Histogram, "s",
		"Duration of one engine operation: a phase of a run, a step of one template, or a file operation.",
		[]string{AttrOperation, AttrOutcome},
		"operation: run, resolve, list, render, plan, apply (phases); read, parse, compile, render_template (per template); add, inject, echo, sh (per operation). outcome: ok, error, or the operation's status (added, forced, injected, skipped, executed).",
		FromProcess, nil},
	{MetricStartupDuration, Histogram, "s",
		"Duration of the start-up phases that come before any template is rendered.",
		[]string{AttrPhase},
		"phase: telemetry (setting up this pipeline), resolve (templates root and action), list (walking and ordering the action's files).",
		FromProcess, nil},
	{MetricRuns, Counter, "{run}", "Generator runs, by outcome.", []string{AttrOutcome}, "outcome: ok, error.",
		FromProcess, []string{"ok", "error"}},
	{MetricCacheRequests, ObservableCounter, "{request}", "Compiled-template cache lookups, by result.",
		[]string{AttrResult}, "result: hit, miss.", FromProcess, nil},
	{MetricGeneratorsIndexed, ObservableGauge, "{generator}", "Generators in the template index, when an index is kept.",
		nil, "", FromAgent, nil},
	{MetricTemplatesIndexed, ObservableGauge, "{template}", "Template files in the template index, when an index is kept.",
		nil, "", FromAgent, nil},
	{MetricFilesWritten, Counter, "{file}",
		"Files written (or, in a dry run, that would be written) by add and inject, by outcome.",
		[]string{AttrOperation, AttrOutcome}, "operation: add, inject. outcome: added, forced, injected, skipped.",
		FromProcess, nil},
	{MetricRenderedBytes, Counter, "By", "Bytes of rendered template bodies.", nil, "", FromProcess, nil},
	{MetricTelemetryFailures, Counter, "{failure}", "Failed export attempts of this process's telemetry, by signal: each attempt counts, so a batch of relayed spans the agent tries again counts every time it fails.",
		[]string{AttrSignal}, "signal: traces, metrics.", FromProcess, nil},
	{MetricTelemetryDropped, Counter, "{item}", "Spans or metric data points lost because their export failed, by signal.",
		[]string{AttrSignal}, "signal: traces, metrics.", FromProcess, nil},
	{MetricProbeDuration, Histogram, "s",
		"Duration of one scalability probe generation on a synthetic template tree, by tree size.",
		[]string{AttrProbeSize},
		"size: the number of generators in the synthetic tree (10 templates each), e.g. 10, 100, 1000.", FromAgent, nil},
	{MetricProbeMemory, ObservableGauge, "By", "Heap in use after indexing and rendering the latest probe tree, by tree size.",
		[]string{AttrProbeSize}, "size: as for hypergen.probe.duration.", FromAgent, nil},
	{MetricProbeMemoryPerTemplate, ObservableGauge, "By", "Heap in use per template of the latest probe tree, by tree size.",
		[]string{AttrProbeSize}, "size: as for hypergen.probe.duration.", FromAgent, nil},
	{MetricScalabilityExponent, ObservableGauge, "{exponent}",
		"Fitted growth exponent b of cost ≈ a·n^b across probe sizes (1 is linear), with its 95 % confidence bounds.",
		[]string{AttrResource, AttrBound}, "resource: time, memory. bound: estimate, lower, upper.", FromAgent, nil},
	{MetricTargetValue, ObservableGauge, "{value}",
		"Latest measured value of each performance budget (in the budget's unit: seconds, ratio or exponent).",
		[]string{AttrBudget}, "budget: a budget name from package budgets (generation_p95, cache_hit_ratio, …).", FromAgent, nil},
	{MetricTargetMet, ObservableGauge, "{boolean}", "1 when the budget is met, 0 when it is not.",
		[]string{AttrBudget}, "budget: as for hypergen.target.value.", FromAgent, nil},
	{MetricProfilingUploads, Counter, "{upload}", "Continuous-profiling uploads to the Pyroscope server, by outcome.",
		[]string{AttrOutcome}, "outcome: ok, error.", FromAgent, []string{"ok", "error"}},
	{MetricAgentReindexes, Counter, "{reindex}", "Times the agent rebuilt its template index after templates changed.",
		nil, "", FromAgent, []string{""}},
	{MetricAgentRequests, Counter, "{request}", "Generation requests served by the agent's API, by outcome.",
		[]string{AttrOutcome}, "outcome: ok, error, refused.", FromAgent, []string{"ok", "error", "refused"}},
	{MetricAgentRelayed, Counter, "{request}", "Run records of CLI runs (one per run) received on the agent's relay socket (--relay), by outcome: ok when its spans were passed on to the trace pipeline, refused when it is not a whole run record of this version.",
		[]string{AttrOutcome}, "outcome: ok, refused.", FromAgent, []string{"ok", "refused"}},
	{MetricAgentUp, ObservableGauge, "{boolean}", "1 while the agent runs; 0 in its last export when it stops cleanly (SIGTERM, Shutdown), so that alerts tell a restart from an agent that died or hangs, whose last values the Collector keeps serving for a while.",
		nil, "", FromAgent, nil},
	{MetricSpanCalls, Counter, "{call}",
		"Finished spans of every hypergen process that exports traces, the one-shot CLI included, by span name, status and the bounded span attributes: runs by outcome (span hypergen.run), phases, template files by cache result (hypergen.template), file operations by outcome (hypergen.op.*).",
		spanMetricAttrs, "span.name: the names under Spans. status.code: STATUS_CODE_UNSET, STATUS_CODE_ERROR. outcome and cache.result: present on the spans that carry them.",
		FromCollector, nil},
	{MetricSpanDuration, Histogram, "s",
		"Duration of the same spans, with the bucket bounds of DurationBuckets: latency by phase across every process.",
		spanMetricAttrs, "as for hypergen.spans.calls.", FromCollector, nil},
}

// SpanDimensions are the span attributes otel-collector.yaml names as
// spanmetrics dimensions (a test keeps the two in step).
var SpanDimensions = []string{AttrOutcome, AttrResult}

// spanMetricAttrs are the attributes the spanmetrics connector keys its
// series by: its own four and SpanDimensions (a test keeps them in step).
// A literal, not an append: the linker lays literals out in the binary,
// while an append would run in the package's init in every hypergen
// process.
var spanMetricAttrs = []string{AttrServiceName, AttrSpanName, AttrSpanKind, AttrStatusCode, AttrOutcome, AttrResult}

// Spans lists the span names hypergen emits, for the catalog document.
var Spans = []struct{ Name, Description string }{
	{"hypergen.run", "One generator invocation (root span). Attributes: outcome, and generator, action, files and dry once the action is found (a run for a generator or action that does not exist has outcome alone); error status and the template location (code.filepath, code.lineno) on failure."},
	{"hypergen.resolve", "Finding the templates root and the action folder."},
	{"hypergen.list", "Walking and ordering the action's template files."},
	{"hypergen.render", "Parsing and rendering every template of the action."},
	{"hypergen.template", "One template file. Attributes: template, bytes, cache.result, and the step durations hypergen.read.seconds, hypergen.parse.seconds, hypergen.compile.seconds, hypergen.render_template.seconds — or, with HYPERGEN_TRACE_STEPS=true, child spans hypergen.read, hypergen.parse, hypergen.compile and hypergen.render_template."},
	{"hypergen.plan", "Computing every operation's effect before anything is written: of every file, or, when the action runs commands, of the files up to the first file with a sh: command."},
	{"hypergen.apply", "Writing files and running commands; after each command, planning the files up to the next one (from the disk as the command left it), their overwrite questions and plan errors included."},
	{"hypergen.op.add / .inject / .echo / .sh", "One operation. Attributes: template, target, outcome, bytes."},
	{"hypergen.probe", "One scalability probe run of the agent. Attributes: hypergen.probe.size, hypergen.files."},
	{"hypergen.agent.generate", "One generation requested through the agent's API; the hypergen.run tree is its child."},
}

// AttrSpec declares one attribute key and how many values it can take.
type AttrSpec struct {
	Key string
	// Values is the whole set of values, when it is fixed.
	Values []string
	// Pattern, when Values is nil, is a regular expression every value
	// matches; the set is bounded by configuration (Bound says how).
	Pattern string
	// Unbounded: a name, path, number or identifier. Spans only, never a
	// metric attribute or a spanmetrics dimension.
	Unbounded bool
	// Bound says what bounds the values, for the catalog document.
	Bound string
	// On says where the attribute appears.
	On string
}

// Allows reports whether v is one of the values a bounded attribute can take.
func (a AttrSpec) Allows(v string) bool {
	switch {
	case a.Unbounded:
		return true
	case a.Values != nil:
		return slices.Contains(a.Values, v)
	}
	return regexp.MustCompile(a.Pattern).MatchString(v)
}

// Cardinality is how many values the attribute can take, for people.
func (a AttrSpec) Cardinality() string {
	switch {
	case a.Unbounded:
		return "unbounded"
	case a.Values != nil:
		return fmt.Sprint(len(a.Values))
	}
	return a.Bound
}

// SpanNames are the names of the spans hypergen starts (Telemetry.Track adds
// the names a library passes it).
var SpanNames = []string{
	"hypergen.run", "hypergen.resolve", "hypergen.list", "hypergen.render", "hypergen.template",
	"hypergen.read", "hypergen.parse", "hypergen.compile", "hypergen.render_template",
	"hypergen.plan", "hypergen.apply", "hypergen.op.add", "hypergen.op.inject", "hypergen.op.echo", "hypergen.op.sh",
	"hypergen.probe", "hypergen.agent.generate",
}

// Attributes declares every attribute key on hypergen's metrics and spans.
// A test records real runs and fails when a key is missing here or a
// bounded key takes a value outside its set.
var Attributes = []AttrSpec{
	{Key: AttrOperation, Values: []string{"run", "resolve", "list", "render", "plan", "apply", "read", "parse", "compile",
		"render_template", "add", "inject", "echo", "sh"}, On: "metrics (and the names a library passes to Telemetry.Track)"},
	{Key: AttrOutcome, Values: []string{"ok", "error", "refused", "added", "forced", "injected", "skipped", "executed"},
		On: "metrics; spans hypergen.run (ok, error) and hypergen.op.* (the operation's status, or error)"},
	{Key: AttrPhase, Values: []string{"telemetry", "resolve", "list"}, On: "hypergen.startup.duration"},
	{Key: AttrResult, Values: []string{"hit", "miss"},
		On: "hypergen.cache.requests; span hypergen.template (miss when any of the file's texts was compiled, hit when every one came from the cache; absent when none needed compiling: no EJS tag, or Liquid)"},
	{Key: AttrSignal, Values: []string{"traces", "metrics"}, On: "telemetry failure metrics"},
	{Key: AttrProbeSize, Pattern: `^[1-9][0-9]*$`, Bound: "one per configured probe size (--probe-sizes, 3 by default)",
		On: "probe metrics; span hypergen.probe"},
	{Key: AttrResource, Values: []string{"time", "memory"}, On: "hypergen.scalability.exponent"},
	{Key: AttrBound, Values: []string{"estimate", "lower", "upper"}, On: "hypergen.scalability.exponent"},
	{Key: AttrBudget, Pattern: `^[a-z0-9_]+$`, Bound: "one per budget in package budgets (5)", On: "target metrics"},
	{Key: AttrServiceName, Pattern: `.`, Bound: "one per OTEL_SERVICE_NAME in use (hypergen by default)",
		On: "spanmetrics series (also the job label)"},
	{Key: AttrSpanName, Values: SpanNames, On: "spanmetrics series (and Telemetry.Track names)"},
	{Key: AttrSpanKind, Values: []string{"SPAN_KIND_INTERNAL"}, On: "spanmetrics series"},
	{Key: AttrStatusCode, Values: []string{"STATUS_CODE_UNSET", "STATUS_CODE_ERROR"}, On: "spanmetrics series"},
	{Key: AttrGenerator, Unbounded: true, On: "span hypergen.run"},
	{Key: AttrAction, Unbounded: true, On: "span hypergen.run"},
	{Key: AttrFiles, Unbounded: true, On: "spans hypergen.run, hypergen.probe"},
	{Key: AttrDry, Values: []string{"true", "false"}, On: "span hypergen.run"},
	{Key: AttrTemplate, Unbounded: true, On: "spans hypergen.template, hypergen.op.*"},
	{Key: AttrTarget, Unbounded: true, On: "spans hypergen.op.*"},
	{Key: AttrBytes, Unbounded: true, On: "spans hypergen.template, hypergen.op.*"},
	{Key: "hypergen.read.seconds", Unbounded: true, On: "span hypergen.template (also .parse, .compile, .render_template)"},
	{Key: "hypergen.parse.seconds", Unbounded: true, On: "span hypergen.template"},
	{Key: "hypergen.compile.seconds", Unbounded: true, On: "span hypergen.template"},
	{Key: "hypergen.render_template.seconds", Unbounded: true, On: "span hypergen.template"},
	{Key: "code.filepath", Unbounded: true, On: "a failed span: the template at fault"},
	{Key: "code.lineno", Unbounded: true, On: "a failed span: the line at fault"},
	{Key: "pyroscope.profile.id", Unbounded: true, On: "the agent's root spans when continuous profiling is on"},
}

// AttributeSpec returns the declaration of key.
func AttributeSpec(key string) (AttrSpec, bool) {
	i := slices.IndexFunc(Attributes, func(a AttrSpec) bool { return a.Key == key })
	if i < 0 {
		return AttrSpec{}, false
	}
	return Attributes[i], true
}

// Markdown renders the catalog as docs/metrics.md.
func Markdown() string {
	var b strings.Builder
	b.WriteString("# hypergen metric and span catalog\n\n")
	b.WriteString("Generated from `catalog.Metrics` (package instrument/catalog) by `go run ./instrument/cmd/catalog`; a test fails when this file is stale.\n")
	b.WriteString("Durations are in seconds, sizes in bytes. Prometheus shows each name with dots as underscores and a unit\n")
	b.WriteString("suffix (`hypergen.operation.duration` → `hypergen_operation_duration_seconds`; counters end in `_total`).\n\n")
	b.WriteString(routeText)
	b.WriteString("\n## Metrics\n\n| name | kind | unit | source | attributes | description |\n|---|---|---|---|---|---|\n")
	specs := append([]MetricSpec(nil), Metrics...)
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
		if len(m.Zero) > 0 {
			desc += " Reported at 0 from the start."
		}
		source := m.Source
		if source == "" {
			source = FromProcess
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s | %s | %s |\n", m.Name, m.Kind, m.Unit, source, attrs, desc)
	}
	b.WriteString("\nHistogram bucket bounds (seconds), also those of the Collector's spanmetrics histogram: ")
	for i, v := range DurationBuckets {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%g", v)
	}
	b.WriteString(".\n\nGo runtime metrics (`go.memory.used`, `go.goroutine.count`, `go.memory.gc.goal`, …) come from\n")
	b.WriteString("`go.opentelemetry.io/contrib/instrumentation/runtime`, in the processes that export metrics.\n\n")
	b.WriteString("## Attributes and their cardinality\n\nA metric series exists for each combination of its attributes' values that occurs;\n")
	b.WriteString("only bounded attributes are metric attributes or spanmetrics dimensions (a test enforces both).\n\n")
	b.WriteString("| attribute | values | how many | where |\n|---|---|---|---|\n")
	for _, a := range Attributes {
		vals := "—"
		switch {
		case a.Values != nil:
			vals = "`" + strings.Join(a.Values, "`, `") + "`"
		case a.Unbounded:
			vals = "any (a name, path, number or identifier): spans only"
		default:
			vals = a.Bound
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", a.Key, vals, a.Cardinality(), a.On)
	}
	b.WriteString("\n## Spans\n\n| name | what it covers |\n|---|---|\n")
	for _, s := range Spans {
		fmt.Fprintf(&b, "| `%s` | %s |\n", s.Name, s.Description)
	}
	b.WriteString(resourceText)
	b.WriteString(overheadText)
	return b.String()
}
