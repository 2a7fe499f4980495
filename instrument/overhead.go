package instrument

// overheadText is the catalog document's account of what telemetry costs a
// generation, how that is measured, and on which figure the budget is judged.
const overheadText = `
## Overhead

Budget: telemetry adds at most 3 % to a generation compared with telemetry off, in
` + "`BenchmarkGeneration`" + ` (test/telemetry: one ten-template action, 26 spans). A CLI run with no
exporter configured (no ` + "`OTEL_EXPORTER_OTLP_ENDPOINT`" + `, the default) has telemetry off. The modes:

- ` + "`off`" + `: telemetry disabled.
- ` + "`on_no_export`" + `: spans and metrics recorded by providers that export nothing (a library user's).
- ` + "`on_collector`" + `: a CLI run's pipeline (spans only) exporting to the shipped Collector over
  OTLP/gRPC, the SDK's batch processor sending several runs per export.
- ` + "`cli_export`" + `: the same, exporting at the end of every run, as a CLI process does before it exits.
  A CLI process also sets its pipeline up and shuts it down: ` + "`BenchmarkObserverRun/process`" + ` measures that.

**How to measure:** ` + "`scripts/telemetry-overhead`" + `. Run one after another, the modes drift with the
machine's load, so ` + "`BenchmarkOverhead`" + ` interleaves them: every iteration runs one generation of each
mode, in an order rotated each iteration. The script runs it 8 times (` + "`-count`" + `) and prints
benchstat's median of each figure with its 95 % confidence interval, then the allocations per
generation, which do not depend on load. The benchmark runs on CPU 0 and the Collector on CPU 1
(` + "`taskset`" + `; every mode at GOMAXPROCS 1), so the Collector takes no CPU from the generations, as in
production, where it runs elsewhere.

**Which figure:** the budget is judged on the CPU time of the generating process per generation
(` + "`<mode>-cpu-%`" + `: getrusage, every thread, the garbage collector and the exporter included). It is
what telemetry costs the process that runs the generation, and neither the local Collector's own
CPU time (printed separately as ` + "`collector-ms/op`" + `) nor waiting for it inflates it. Wall time
(` + "`<mode>-%`" + `) is printed next to it; for ` + "`cli_export`" + ` it includes the wait for the Collector's answer.
`
