package dashboards

import (
	"net/url"

	"go.opentelemetry.io/otel/semconv/v1.43.0/goconv"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// agentOnly keeps the series of agent processes: only the agent keeps a
// template index, so hypergen.templates.indexed marks its instances, and the
// one-shot CLI processes' runtime metrics stay out of these panels.
func agentOnly(expr string) string {
	return "(" + expr + ") and on (job, instance) " + metric(catalog.MetricTemplatesIndexed)
}

// ProfilesURL opens the agents' CPU profiles in Grafana's Explore on the
// provisioned Pyroscope datasource (uid pyroscope, see deploy/grafana).
var ProfilesURL = "/explore?" + url.Values{"schemaVersion": {"1"}, "panes": {`{"profiles":{"datasource":"pyroscope","queries":[{"refId":"A","datasource":{"type":"grafana-pyroscope-datasource","uid":"pyroscope"},"queryType":"profile","profileTypeId":"process_cpu:cpu:nanoseconds:cpu:nanoseconds","labelSelector":"{service_name=\"hypergen\"}"}],"range":{"from":"now-1h","to":"now"}}}`}}.Encode()

func runtimeBoard() (board, error) {
	inst := []string{"job", "instance"} // agentOnly matches on both
	goMem := metric(goconv.MemoryUsed{}.Name())
	panels := []panel{
		{title: "Go memory in use",
			description: "Memory the Go runtime of each agent uses, by kind (stack, other).",
			unit:        "bytes",
			queries:     []query{{expr: agentOnly(by("sum", append(inst, "go_memory_type"), goMem)), legend: "{{instance}} {{go_memory_type}}"}}},
		{title: "GC goal",
			description: "Heap size at which each agent's next garbage collection starts; it tracks live heap times (1 + GOGC/100).",
			unit:        "bytes",
			queries:     []query{{expr: agentOnly(by("max", inst, metric(goconv.MemoryGCGoal{}.Name()))), legend: "{{instance}}"}}},
		{title: "Allocation rate",
			description: "Bytes each agent allocates per second: what the garbage collector has to reclaim.",
			unit:        "Bps",
			queries:     []query{{expr: agentOnly(by("sum", inst, rate(metric(goconv.MemoryAllocated{}.Name()), RateInterval))), legend: "{{instance}}"}}},
		{title: "Goroutines",
			description: "Live goroutines in each agent; a steady climb is a leak.",
			unit:        "short",
			queries:     []query{{expr: agentOnly(by("max", inst, metric(goconv.GoroutineCount{}.Name()))), legend: "{{instance}}"}}},
		{title: "Template index",
			description: "Generators and template files in the agents' template index.",
			unit:        "short",
			queries: []query{
				{expr: by("max", inst, metric(catalog.MetricGeneratorsIndexed)), legend: "{{instance}} generators"},
				{expr: by("max", inst, metric(catalog.MetricTemplatesIndexed)), legend: "{{instance}} templates"},
			}},
		{title: "Reindexes",
			description: "Times per hour the agents rebuilt their template index because templates changed.",
			unit:        "short",
			queries:     []query{{expr: "3600 * " + by("sum", inst, rate(metric(catalog.MetricAgentReindexes), RateInterval)), legend: "{{instance}}"}}},
	}
	telemetry := []panel{
		{title: "Telemetry export failures",
			description: "Failed exports of the agents' own traces and metrics per second, by signal (a CLI run prints its failure instead). These counts travel through the Collector they are about: a Collector that is down shows here only once it is back.",
			unit:        "ops",
			queries:     []query{{expr: by("sum", labels(catalog.AttrSignal), rate(metric(catalog.MetricTelemetryFailures), RateInterval)), legend: "{{hypergen_signal}}"}}},
		{title: "Telemetry dropped",
			description: "Spans and metric points per second lost because their export failed, by signal.",
			unit:        "ops",
			queries:     []query{{expr: by("sum", labels(catalog.AttrSignal), rate(metric(catalog.MetricTelemetryDropped), RateInterval)), legend: "{{hypergen_signal}}"}}},
		{title: "Profiling uploads",
			description: "Continuous-profiling uploads to Pyroscope per second, by outcome. The dashboard link 'Profiles' opens the profiles themselves.",
			unit:        "ops",
			queries:     []query{{expr: by("sum", labels(catalog.AttrOutcome), rate(metric(catalog.MetricProfilingUploads), RateInterval)), legend: "{{hypergen_outcome}}"}}},
		{title: "Agent generation requests",
			description: "Generation requests served by the agents' API per second, by outcome (ok, error, refused).",
			unit:        "reqps",
			queries:     []query{{expr: by("sum", labels(catalog.AttrOutcome), rate(metric(catalog.MetricAgentRequests), RateInterval)), legend: "{{hypergen_outcome}}"}}},
		{title: "Relayed CLI runs",
			description: "Run records of CLI runs (one per run) received on the agents' relay sockets (perf monitor --relay) per second: ok when their spans were passed on to the agent's trace pipeline, refused when malformed or of another hypergen version. Runs that export by themselves (no agent, a full relay queue) do not appear here; every run, relayed or not, is counted on the Overview dashboard.",
			unit:        "reqps",
			queries:     []query{{expr: by("sum", labels(catalog.AttrOutcome), rate(metric(catalog.MetricAgentRelayed), RateInterval)), legend: "{{hypergen_outcome}}"}}},
	}
	return board{
		uid: "hypergen-runtime", title: "hypergen / Runtime and agent",
		description: "The agents' Go runtime (memory, GC, goroutines), their template index, and the health of hypergen's own telemetry and profiling.",
		rows:        []row{{title: "Agent runtime", panels: panels}, {title: "Telemetry and profiling", panels: telemetry}},
		links:       []link{{title: "Profiles", tooltip: "CPU profiles of the agents in Pyroscope", url: ProfilesURL}},
	}, nil
}
