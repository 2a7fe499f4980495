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
mode, in a random order. The script runs it 8 times (` + "`-count`" + `) and prints
benchstat's median of each figure with its 95 % confidence interval, then the allocations per
generation, which do not depend on load. Generations write without fsync: waiting for the disk
would make telemetry's share look smaller than it is on a fast disk. The benchmark runs on CPU 0 and the Collector on CPU 1
(` + "`taskset`" + `; every mode at GOMAXPROCS 1), so the Collector takes no CPU from the generations, as in
production, where it runs elsewhere.

**Which figure:** the budget is judged on the CPU time of the generating process per generation
(` + "`<mode> CPU overhead %`" + `: getrusage, every thread, the garbage collector and the exporter included). It is
what telemetry costs the process that runs the generation, and neither the local Collector's own
CPU time (printed separately as ` + "`collector-ms/op`" + `) nor waiting for it inflates it. Wall time
(` + "`<mode> wall overhead %`" + `) is printed next to it; for ` + "`cli_export`" + ` it includes the wait for the Collector's answer.

**Last measured** (2026-12-02, ` + "`ROUNDS=10`" + `, a 2-CPU VM shared with other builds, load average 3–5;
medians with 95 % intervals; off: 2.8 ms CPU, 3.1 ms wall per generation):

| mode | CPU overhead | wall overhead | allocations over off |
|---|---|---|---|
| ` + "`on_no_export`" + ` | +4.6 % [−3.8, +12.9] | +2.7 % [−1.5, +6.8] | +167 allocs, +32 KB |
| ` + "`on_collector`" + ` | +5.1 % [−2.3, +12.4] | +1.7 % [−7.5, +10.9] | +709 allocs, +81 KB |
| ` + "`cli_export`" + ` | +49 % [+29, +70] | +73 % [+59, +87] | +857 allocs, +90 KB |

So the budget is not shown to be met: the medians of the recording modes are above 3 % and their
intervals are wider than the budget on this machine. The export of a CLI run is far above it: one
OTLP/gRPC request of 26 spans per run costs the process about 1.3 ms of CPU here (in its CPU
profile: converting and marshalling the spans, gRPC's HTTP/2 writer and reader, and the loopback
write, in which the kernel also does the Collector's receiving); a CLI process's whole telemetry,
set-up and shut-down included, took 1.35 ms of CPU in ` + "`BenchmarkObserverRun/process`" + `.
`
