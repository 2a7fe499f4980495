package catalog

// routeText is the catalog document's account of how one-shot CLI runs
// reach Prometheus, and why that way.
const routeText = `## How short-lived runs are counted

A CLI generation lives for milliseconds. Had it exported cumulative metrics under its own
` + "`service.instance.id`" + `, every run would leave a few hundred one-sample series behind, and
` + "`rate()`" + ` would see none of them. So:

- **The CLI exports spans, not metrics.** A one-shot run (` + "`Config.OneShot`" + `) sends its trace
  and no metrics, unless ` + "`OTEL_METRICS_EXPORTER`" + ` names an exporter explicitly. Each run's spans carry
  bounded attributes for what the dashboards count: ` + "`hypergen.outcome`" + ` on ` + "`hypergen.run`" + ` and
  ` + "`hypergen.op.*`" + `, ` + "`hypergen.cache.result`" + ` on ` + "`hypergen.template`" + `. A run the process
  has to end before the run returns (JavaScript stuck inside a built-in past its time limit, a
  signal the run outlives) ends its ` + "`hypergen.run`" + ` span as failed and exports it first, so it is
  counted too (` + "`TestRunsEndedAtOnceAreExported`" + `). A run counts once the engine starts it: a usage error the
  engine finds (no generator or action named, no templates folder) is a failed run; one the command
  line finds before it (a bad flag value, ` + "`hypergen generate`" + ` alone) is not.
- **The Collector aggregates.** ` + "`otel-collector.yaml`" + ` hands every span of its traces pipeline,
  after the ` + "`batch`" + ` processor, to the contrib ` + "`spanmetrics`" + ` connector as well as to the trace store. The
  connector keys the spans by service (` + "`service.name`" + `, ` + "`service.namespace`" + `: no other resource
  attribute), span name, status and the two dimensions above, and keeps cumulative counts and
  duration histograms (` + "`hypergen.spans.calls`" + `, ` + "`hypergen.spans.duration`" + `); on those metrics the contrib
  ` + "`resource`" + ` processor then deletes the per-process identity (` + "`service.instance.id`" + `, host, process
  and SDK attributes) that the connector copied from the first sender. The Collector holds the
  cumulative state, so any number of processes, at once or one after the other, add to the same
  bounded set of series. The raw spans still go to the trace store unchanged. (One traces pipeline,
  not two: a second one on the same receiver made the Collector copy every request.)
- **Long-lived processes keep their identity.** The agent and library users export their own
  metrics as before, under their ` + "`service.instance.id`" + `; their spans are counted in the derived
  series too (the agent's probe runs included), which is why the Overview dashboard reads only the
  derived series (no double counting). Their counters whose series are known in advance start at 0.
- **Where an agent runs, a CLI run can hand its run to it.** Exporting is a round trip to the
  Collector, which costs a run more than recording it, and so does building and encoding its spans
  (see Overhead). With ` + "`HYPERGEN_TELEMETRY_RELAY`" + ` set to the path of an agent's relay socket
  (` + "`hypergen perf monitor --relay`" + `), a run writes its record instead: the events its engine reported
  (` + "`internal/runrecord`" + `: the phases, templates and operations with their times, outcomes and errors,
  1.5 to 2 KiB for ten templates: 1,600 bytes for the benchmark's action, 2,141 for a ten-template action
  of ` + "`perf corpus`" + `) and its resource. On Linux the resource leaves out ` + "`process.pid`" + `:
  the agent's socket is made with ` + "`SO_PASSCRED`" + `, so the kernel tells the agent each sender's process
  id (as seen from the agent's process namespace), and the agent adds it to a record that has none;
  a record that carries its own keeps it. It sends the record in one datagram to that Unix
  socket and does not wait for an answer. The agent replays the record through the same observer
  the run would have used, into spans that carry the run's resource and times, and exports them
  through a batch processor of its own that waits for room rather than dropping. The Collector
  cannot tell relayed spans from exported ones (` + "`internal/runrecord`" + ` compares the two span for span),
  so the counts above do not change. A record the socket does not take (no agent; its queue, about
  ten datagrams on Linux, still full after 25 ms; a record over 192 KiB, a run of thousands of
  templates; a system without Unix datagram sockets) is replayed by the run itself into its own
  exporter when an endpoint is set, so a run is counted once either way;
  ` + "`hypergen.agent.relay.requests`" + ` counts the records the agent took and passed on (` + "`ok`" + `) or refused.
  The agent refuses a record of another version and one that names a phase, operation or status
  the engine does not have, so whatever writes to the socket cannot add span names or attribute
  values. The socket is readable and writable by its owner only, and a lock file beside it (its path plus
  ` + "`.lock`" + `) keeps two agents from claiming it. An agent stopped with SIGTERM removes the socket
  first, then exports what was already sent, within its shutdown deadline (` + "`test/observability`" + `
  stops one halfway through 210 runs from four loops and counts every run exactly once); runs it
  has taken are lost if it is killed first. An export of relayed spans that fails for a reason that
  can pass (the Collector down or overloaded: the gRPC codes the OTLP exporters retry, or no answer)
  is tried again (after 1 s, doubling up to 30 s) until it goes through, so a Collector outage loses
  none of them; one the Collector refuses for what it is (malformed, too large) is dropped and
  counted at once, so it holds up no batch behind it. A shutdown tries failed batches again at once,
  then every 250 ms, for three quarters of its deadline, leaving the rest for the agent's own spans
  and metrics; what is still queued then is dropped and counted. While its exports fail or are stuck, the agent keeps at most 8,192 relayed spans or about 64 MiB
  of them, then stops reading, and runs export by themselves. (Before, a batch was dropped once the
  exporter's 10 s had passed: 20 runs relayed during a 40 s outage were all lost; now all 20 arrive.)
  It makes a record's spans as the replay ends them and passes them on 512 at a time, so one
  record never holds more than that: the largest a run sends, 192 KiB of the smallest template
  events with step spans, is about 80,000 spans, which made all at once took 95 MB of the agent's
  heap; in chunks the heap in use peaked 15 MB above where it started (one measurement, in a test).

Why not the other routes: with delta temporality and the ` + "`deltatocumulative`" + ` processor, every
CLI process would write deltas into the same stream. The processor (v0.165.1, internal/delta) drops
a point whose start time precedes the stream's start, and a point whose time is not after the
stream's last one; two runs that overlap in time produce exactly such points, so concurrent runs
would go uncounted (read from its source; not measured here). Handing runs to a running agent
alone would leave uncounted every run made where no agent runs (a CI job, a pre-commit hook): the
relay is a cheaper way to the same Collector where an agent runs, not the counting route.
Span-derived metrics need neither, and use components the Collector already ships; spanmetrics
also reports each new counter series at 0 before its first count, so ` + "`increase()`" + ` sees the first
run of a series too. Their limits: the derived series count spans, so a sampler
(` + "`OTEL_TRACES_SAMPLER`" + `) that drops traces lowers the counts; a run whose spans cannot be exported
(Collector unreachable, or more than the 65,536 spans a one-shot process keeps, about a
10,000-template action with step spans) is not counted; and the
counts restart from 0 when the Collector restarts, which ` + "`rate()`" + ` and ` + "`increase()`" + ` handle as a
counter reset. Run one Collector replica per Prometheus target (the shipped manifests do): two
replicas behind one scraped Service would each hold half the counts under the same labels.
`

// resourceText documents the resource attributes and what the Collector
// keeps of them.
const resourceText = `
## Resource attributes

Every process describes itself with ` + "`service.name`" + ` (OTEL_SERVICE_NAME, ` + "`hypergen`" + ` by default; the
Prometheus ` + "`job`" + `), ` + "`service.version`" + `, ` + "`service.instance.id`" + ` (a UUID per process: the Prometheus
` + "`instance`" + ` of a long-lived process's own metrics), host, process and SDK attributes, and whatever
OTEL_RESOURCE_ATTRIBUTES adds. The bundled Collector pipeline keys the metrics it derives from spans by
` + "`service.name`" + ` (and ` + "`service.namespace`" + `) alone and deletes all the others from them, so neither a new
process nor a new host adds series. Those two make the Prometheus ` + "`job`" + ` label and are as bounded as the values
they are given: a ` + "`service.namespace`" + ` set per CI pipeline or per user adds a set of series (about 180) per value.
`
