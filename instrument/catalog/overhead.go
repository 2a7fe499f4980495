package catalog

// overheadText is the catalog document's account of what telemetry costs a
// generation, how that is measured, and on which figure the budget is judged.
const overheadText = `
## Overhead

Budget: telemetry adds at most 3 % to a generation compared with telemetry off, in
` + "`BenchmarkGeneration`" + ` (test/telemetry: one ten-template action, 26 spans). A CLI run with no
exporter configured (no ` + "`OTEL_EXPORTER_OTLP_ENDPOINT`" + `, the default) has telemetry off. Where it stands: a
CLI run that hands its record to the agent (` + "`cli_relay`" + `) is within it, +2.45 % [+2.20, +2.80] in the
latest run (see **Within the budget** below; the runs before it, in the order they were made, led
there); recording spans in-process costs about twice the budget, and exporting from each run
about fifteen times. The modes:

- ` + "`off`" + `: telemetry disabled.
- ` + "`off_twin`" + `: telemetry disabled again. Its figure is the benchmark's own noise (the machine, the
  order of the modes), which every other mode's figure carries too.
- ` + "`on_no_export`" + `: spans and metrics recorded by providers that export nothing (a library user's).
- ` + "`on_collector`" + `: a CLI run's pipeline (spans only) exporting to the shipped Collector over
  OTLP/gRPC, the SDK's batch processor sending several runs per export.
- ` + "`cli_export`" + `: the same, exporting at the end of every run, as ` + "`hypergen-perf`" + ` does for a CLI run
  before it exits (the pipeline and its connection are kept from run to run here; a CLI process also
  sets them up and shuts them down: ` + "`BenchmarkObserverRun/process`" + ` measures that).
- ` + "`cli_oneshot`" + `: what the ` + "`hypergen`" + ` binary does when the endpoint is plain-text OTLP/gRPC
  (` + "`internal/oneshot`" + `, ` + "`exporters/otlplite`" + `): for every run a new pipeline, a new connection opened
  while the run renders, and one export when it ends; set-up and shut-down included.
- ` + "`cli_relay`" + `: the same binary's path with ` + "`HYPERGEN_TELEMETRY_RELAY`" + ` as well: for every run a new
  record of the run's events (` + "`internal/runrecord`" + `), handed at its end in one datagram to a real agent
  (` + "`hypergen perf monitor --relay`" + `, pinned with the Collector), which makes the spans and exports them;
  every run must have been relayed. The agent's CPU time per run is printed as ` + "`agent-ms/op`" + ` by
  ` + "`BenchmarkGeneration`" + `.

**How to measure:** ` + "`scripts/telemetry-overhead`" + `. Run one after another, the modes drift with the
machine's load, so ` + "`BenchmarkOverhead`" + ` interleaves them: every iteration runs one generation of each
mode. All modes run on one engine, whose observer changes from run to run: two engines differ by
themselves (their template folders, caches and heap layout), and when each mode had its own, ` + "`off_twin`" + `
came out between −0.4 % and +2.6 % over off. What one mode leaves behind (a garbage collection it
started, an exporter's goroutines) falls on the mode that runs next, so the orders follow a Williams
design, in which each mode runs right after each other mode equally often, with the modes placed in
it differently in each round. With orders drawn at random from one fixed seed (the same in every
round), ` + "`off_twin`" + ` on the shared engine came out −1.3 % [−2.2, −0.3] against off. The script runs it 8 times (` + "`-count`" + `) and prints
the median of each figure over the rounds with a 95 % interval for it, from the rounds' own figures (the
order statistics whose binomial coverage is at least 95 %: the 10th and 21st of 30 rounds, the 2nd and 9th
of 10), then the allocations per generation, which do not depend on load. Until 2026-12-05 it printed
benchstat's interval, which benchstat rounds to a whole percent of the median: for a ratio near 1 that
is ±1 point or ±0, so the intervals printed before that date (benchstat's) are coarse. Generations write without fsync: waiting for the disk
would make telemetry's share look smaller than it is on a fast disk. The benchmark runs on CPU 0 and the Collector on CPU 1
(` + "`taskset`" + `; every mode at GOMAXPROCS 1), so the Collector takes no CPU from the generations, as in
production, where it runs elsewhere.

**Which figure:** the budget is judged on the CPU time of the generating process per generation
(` + "`<mode> CPU overhead %`" + `: getrusage, every thread, the garbage collector and the exporter included). It is
what telemetry costs the process that runs the generation, and neither the local Collector's own
CPU time (printed separately as ` + "`collector-ms/op`" + `) nor waiting for it inflates it. Wall time
(` + "`<mode> wall overhead %`" + `) is printed next to it; for the exporting modes it includes the wait for the Collector's answer.

**Last measured** (2026-12-02, the code of commit 283f7ee, ` + "`ROUNDS=10 TMPDIR=/dev/shm scripts/telemetry-overhead`" + `
on an otherwise idle 2-CPU VM where page faults are dear; medians with 95 % intervals; off: 2.60 ms
CPU, 2.63 ms wall per generation):

| mode | CPU overhead | wall overhead | allocations over off |
|---|---|---|---|
| ` + "`on_no_export`" + ` | +7.5 % [+5.3, +9.6] | +7.3 % [+5.1, +9.4] | +166 allocs, +32 KB |
| ` + "`on_collector`" + ` | +6.1 % [+4.0, +8.2] | +6.1 % [+4.0, +8.2] | +708 allocs, +82 KB |
| ` + "`cli_export`" + ` | +50 % [+44, +56] | +69 % [+61, +78] | +857 allocs, +90 KB |
| ` + "`cli_oneshot`" + ` | +53 % [+48, +57] | +83 % [+72, +94] | +270 allocs, +69 KB |
| ` + "`cli_relay`" + ` | +5.9 % [+3.7, +8.0] | +6.1 % [+3.9, +8.2] | +27 allocs, +8 KB |

The agent spent 0.58 ms of CPU per relayed run, the Collector 0.21 ms (0.76 ms for ` + "`cli_oneshot`" + `'s
exports). The run before it (commit 42d0132, the relay sending spans) gave +11.4 %, +7.3 %, +47 %, +50 %
and +10.3 % for the five modes; the one before that (b85d0c5, on a VM where a generation took 1.50 ms
of CPU) +10.5 %, +6.8 %, +49 % and +68 % for the first four.

**With every mode on one engine, in balanced orders** (the benchmark as it is now, since commit 78a5225;
the code of 0fa8b4c, 2026-12-03, idle, off: 2.26 ms CPU per generation;
` + "`MODES=off,off_twin,on_no_export,cli_relay ROUNDS=20 ITERS=300 TMPDIR=/dev/shm scripts/telemetry-overhead`" + `):
` + "`off_twin`" + ` +0.45 % [−0.6, +1.5], ` + "`on_no_export`" + ` +6.85 % [+5.8, +7.9], ` + "`cli_relay`" + ` +5.55 % [+3.4, +7.7].
Two shorter runs of 78a5225 (` + "`ROUNDS=20 ITERS=200`" + `) gave ` + "`cli_relay`" + ` +4.05 % and +3.85 %, with the twin at
+0.45 % and +1.1 %; all seven modes at once (` + "`ROUNDS=10 ITERS=200`" + `) gave ` + "`on_collector`" + ` +5.9 %, ` + "`cli_export`" + `
+41 %, ` + "`cli_oneshot`" + ` +46 % and intervals of ±7 points. The twin now sits at zero; the relay does not
reach the budget. The check a relaying run now makes that the socket is its own user's
(` + "`internal/runrecord`" + `) is a ` + "`stat`" + ` of about 3.2 µs on this VM, 0.14 % of a generation.

So the 3 % budget is not shown to be met by any mode in this six-mode run, and the figures move by
several points between runs of the same code: ` + "`cli_relay`" + ` alone against off (below) gave +2.55 % and
+3.25 % in two runs of this code, +5.9 % here, and +4.05 % [+3.0, +5.1] in a run with ` + "`off_twin`" + `
(` + "`MODES=off,off_twin,cli_relay ROUNDS=10 ITERS=2000`" + `, the code of 4857783), where the twin gave
+0.95 % [−0.1, +2.0] and ` + "`cli_relay`" + ` over the twin, round by round, a median of +3.85 %. The same run at
commit c9e927a, on another VM of the same size (off: 2.41 ms CPU), gave ` + "`cli_relay`" + ` +2.45 % [+0.4, +4.5], the twin
−0.4 % [−2.4, +1.6], and over the twin, round by round, a median of +2.9 %. **Recording alone** (spans and metrics, nothing exported): the events of one run
replayed into the SDK's providers (` + "`BenchmarkObserverRun/no_export`" + `, 3 × 5,000 iterations, b85d0c5)
cost 40–60 µs and 169 allocations, 2.7–4 % of this VM's generation; in its CPU profile, starting spans
takes about a quarter and the histogram records (56 per run, 40 of them per-template steps) about a
sixth. The SDK offers every measurement made inside a sampled span as an exemplar; with
` + "`OTEL_METRICS_EXEMPLAR_FILTER=always_off`" + ` the same replay took 34–44 µs. The interleaved benchmark
charges recording about three times the replay's cost; that difference comes from running inside
a real generation (its garbage collections, its caches) and is not broken down further. **An export
per run** costs far more: a request to a Collector is a round trip, and on loopback the kernel's work
for both ends is charged to the sender. ` + "`cli_oneshot`" + ` opens a new connection every run, as a CLI
process must (its profile: the TCP connect alone is 0.19 ms of CPU), and still costs less than
` + "`cli_export`" + ` plus the set-up and shut-down of the SDK pipeline that ` + "`cli_export`" + ` keeps from run to run.
` + "`BenchmarkObserverRun`" + ` (the events of one run replayed and exported to the shipped Collector, 300
iterations, commit 22a91d7, idle) measures that: 0.76 ms of CPU and 369 allocations per run for
` + "`oneshot_process`" + `, against 1.78 ms and 1,599 for the SDK's ` + "`process`" + ` and 0.66 ms and 848 for its ` + "`run`" + `
(pipeline kept).

**Handing the run to an agent** (` + "`cli_relay`" + `) removes the round trip: a datagram to a local socket,
no answer awaited. At first the datagram held the run's spans, encoded for OTLP; that cost a run
+8.7 % [+6.5, +10.9] (commit 67914f2, ` + "`ROUNDS=8 ITERS=1000`" + `), and a CPU profile of it, split by mode
(` + "`BenchmarkOverhead`" + ` labels each generation with its mode: ` + "`MODES=off,cli_relay CPUPROFILE=FILE scripts/telemetry-overhead`" + `,
then ` + "`go tool pprof -tagfocus mode=cli_relay`" + `), put 149 µs of its 225 µs in the export at the end (30 µs
encoding 26 spans, 74 µs ` + "`sendto`" + `), 51 µs in recording the spans and 20 µs in setting the pipeline up.
Building spans is what a run does not need to do itself: the agent can make the same spans from
the run's events. So a relaying run now keeps its record (` + "`internal/runrecord`" + `): each event the engine
reports to its observer is appended to a buffer as it happens, with its times, outcome and error,
about 1 KiB for this action at the time, and the buffer is the datagram. The agent replays the record through
the same observer, into spans with the run's resource and times (` + "`internal/runrecord`" + ` checks them
against the spans the run's own observer makes, span for span). What is left for the run, from one
run (commit 283f7ee, ` + "`MODES=off,cli_relay ROUNDS=8 ITERS=2000 CPUPROFILE=…`" + `, idle; 16,000 generations
of each mode; off: 2.95 ms CPU per generation):

| part | CPU per run |
|---|---|
| the CPU overhead, median of 8 rounds | +3.25 % [+2.2, +4.3], about 96 µs |
| handing the record over (` + "`runrecord.Send`" + `) | 74 µs |
| — ` + "`sendto`" + `, which wakes the agent | 47 µs |
| setting up (` + "`oneshot.Start`" + `: the resource, the record's header) | 21 µs |
| recording the events | under 6 µs (below the profile's resolution) |

and +11 KiB and +31 allocations per run over off, against +45 KiB and +209 before. A shorter run of the
same code (` + "`ITERS=1000`" + `) gave +2.55 % [+0.5, +4.6]. So in these runs the median sits at the
budget, in the six-mode run above it was +5.9 %, and the benchmark's noise (the rounds of one run
range over 2–3 points) is as large as what is left. Most of
what is left is the system calls of one datagram: on this VM a socket, ` + "`sendto`" + ` and close cost a
sender about 53 µs when the receiver was blocked waiting for it and 14–23 µs when it was not (a
separate program). A receiver that looked at the socket on a timer while runs came close together
was tried (commits a594d21, d4a9a9a) and dropped: the overhead did not move measurably, and the
agent spent about 1.1 ms more CPU per sparse run. It came back in a form that costs sparse runs
nothing (commits 545f01e, 97def0a; ` + "`internal/spanrelay`" + `): the receiver waits through Go's poller as
before, and only when two runs arrive within 10 ms of each other does it take the socket out of the
poller and read what queued every 10 ms, until a window brings nothing. A sender then finds nobody
waiting on the socket, and its ` + "`sendto`" + ` wakes no one. Measured on 2026-12-04 with the real agent on
CPU 1 and a sender on CPU 0 (a throwaway program calling ` + "`runrecord.Send`" + ` 2,000 times, a run's worth
of busy work apart, CPU time of the sending thread): runs 2 ms apart took 38.7 µs and 26.5 µs per
` + "`Send`" + ` with the previous agent in two runs, 15.3 µs with the first form of this change and 13.6 µs
with this one; runs 20 ms apart, which the agent reads as they come, 41–72 µs with any of them. The agent's CPU time per run 50 ms apart
(300 CLI runs, summed from ` + "`/proc/PID/task/*/schedstat`" + `) was 646–1,079 µs with the previous agent
(eleven runs) and 650–783 µs with this one (three); the first form of this change, which waited in
a blocking ` + "`poll`" + ` outside Go's poller, cost 807–1,102 µs (five runs). The interleaved benchmark does not
resolve the difference: ` + "`MODES=off,off_twin,cli_relay ROUNDS=20 ITERS=1000`" + ` gave ` + "`cli_relay`" + `
+2.15 % [+1.1, +3.2] (first form, off 2.17 ms CPU) and +3.55 % [+2.5, +4.6] (this form, off 2.67 ms, the
twin +0.6 %), and ` + "`MODES=off,off_twin,on_no_export,cli_relay ROUNDS=20 ITERS=300`" + ` +2.6 % [+0.5, +4.7]
and +3.2 % [+2.2, +4.2], with ` + "`on_no_export`" + ` at +6.55 % and +6.75 %. In that four-mode run a
` + "`cli_relay`" + ` generation comes about every 10 ms, at the edge of the window, and the machine's speed
moved by a quarter between runs (off from 2.17 to 2.67 ms of CPU). So the budget is still not shown to be met.

**The longest run so far** (2026-12-04, the code of commit 88e826c, ` + "`MODES=off,off_twin,cli_relay ROUNDS=30 ITERS=1500`" + `,
idle; off 2.55 to 4.47 ms of CPU per generation from round to round) gave ` + "`cli_relay`" + ` a median of +2.75 % over its
30 rounds (quartiles +2.1 % and +3.5 %; the 10th and 21st of the 30 round figures, a 95 % interval for the median
by order statistics, +2.4 % and +3.3 %; benchstat printed [+1.7, +3.8]) and the twin +0.35 %. A CPU profile of a
shorter run of the same code (` + "`ROUNDS=10 ITERS=1500`" + `, +3.1 %) puts what is left in system calls, each far dearer
here after a generation than in a loop of them: per run, ` + "`runrecord.Send`" + ` 42 µs (` + "`sendto`" + ` 20, ` + "`socket`" + ` 11,
the ownership ` + "`stat`" + ` 7, ` + "`close`" + ` 2) against 18.6 µs in a loop of sends 8 ms apart, and ` + "`oneshot.Start`" + ` 19 µs
(` + "`getpid`" + ` 4.7 and ` + "`uname`" + ` 2.7 of it). The record adds about 3 KB of allocation (its 2 KB buffer, the resource).
A run that hands its record over cannot do with fewer system calls than the socket, the send and the
check, so this is close to the floor of this route (but see below: this run's generations were made
dearer by the benchmark itself).

**Every figure above was diluted.** The action's two injects append a line to their files at every
generation (its ` + "`skip_if`" + ` does not match what it injects), and all modes share one project, so the files
grew all through a round: 3,000 to 4,500 lines by its end in the runs above. A generation then cost
more the later it came (` + "`BenchmarkGeneration`" + ` with telemetry off: 468 KB and 2.85 ms of CPU per generation
over the first 100, 1.33 MB and 3.54 ms over 4,000), the same telemetry cost was divided by a larger
generation, and by how much depended on ` + "`ITERS`" + ` and the number of modes. Since 2026-12-04 the
benchmark gives both files back their first line before every generation
(` + "`benchEngine.reset`" + `, outside ` + "`BenchmarkOverhead`" + `'s measurement), and a generation allocates the same
446 KB however long the run. Measured so (2026-12-04, idle; medians with 95 % intervals):

| command | off CPU | ` + "`off_twin`" + ` | ` + "`on_no_export`" + ` | ` + "`cli_oneshot`" + ` | ` + "`cli_relay`" + ` |
|---|---|---|---|---|---|
| ` + "`MODES=off,off_twin,cli_relay ROUNDS=20 ITERS=1000`" + ` | 2.16 ms | +0.1 % | – | – | **+3.1 % [+2.1, +4.1]** |
| ` + "`MODES=off,off_twin,on_no_export,cli_oneshot,cli_relay ROUNDS=12 ITERS=400`" + ` | 2.09 ms | +1.05 % | +10.15 % | +43.25 % | **+3.05 % [+2.0, +4.1]** |
| ` + "`MODES=off,off_twin,cli_relay ROUNDS=30 ITERS=1500`" + ` (commit 495b826) | 2.24 ms | −0.36 % | – | – | **+2.9 %** |

In the first, the 20 rounds' ` + "`cli_relay`" + ` figures ran from +1.4 % to +5.3 %, with a median of +3.1 % and, by
order statistics (the 6th and 15th of 20), a 95 % interval of +2.8 % to +3.8 %: about 67 µs per run. In
the last, the longest, the 30 rounds ran from +1.9 % to +4.3 %, with a median of +2.9 % and an interval
of +2.6 % to +3.3 % (the 10th and 21st of 30; benchstat printed no interval, its ties collapsing it), off
ranging from 2.05 to 3.39 ms of CPU. So with the workload held still, the relayed run sits at the 3 %
budget, its interval on both sides of it, and a library user's recording (` + "`on_no_export`" + `) costs about
three times the budget.

**Three system calls fewer** (2026-12-04, commit 7119ea9). A relaying run on Linux no longer calls
` + "`getpid`" + ` (the agent takes the process id from the kernel: see How short-lived runs are counted), ` + "`fcntl`" + ` (its
socket is made close-on-exec with ` + "`SOCK_CLOEXEC`" + `) or ` + "`geteuid`" + ` (the ownership check reads the user from
the auxiliary vector the kernel gave the process, ` + "`AT_EUID`" + `). In CPU profiles of
` + "`MODES=off,cli_relay ROUNDS=8 ITERS=1500 CPUPROFILE=… scripts/telemetry-overhead`" + `, ` + "`oneshot.Start`" + ` and
` + "`runrecord.Send`" + ` together took 77.5 µs per run before and 52.5 µs after; the two runs' off generations
took 2.70 and 2.16 ms of CPU, so the machine itself ran at different speeds and the saving lies between
about 10 and 25 µs. The interleaved benchmark does not resolve it: a throwaway A/B run with the previous
sender as a third mode (` + "`MODES=off,cli_relay,cli_relay_prev ROUNDS=20 ITERS=800`" + `, off 2.35 ms) gave
` + "`cli_relay`" + ` +2.90 % and the previous sender +2.75 %; the round-by-round difference between them ran
from −2.9 to +2.2 points, median +0.1. What a relayed run still makes is five system calls (the
ownership ` + "`stat`" + `, ` + "`socket`" + `, ` + "`sendto`" + `, ` + "`close`" + `, and the ` + "`uname`" + ` of ` + "`host.name`" + `), and each costs
3–5 µs more on this VM than the work it does (a ` + "`getpid`" + ` took 4.7 µs): most of the budget's 65 µs.

**Within the budget** (2026-12-05). The script now prints the interval of the rounds' own order statistics
(above), and two runs of ` + "`MODES=off,off_twin,cli_relay ROUNDS=30 ITERS=1500 TMPDIR=/dev/shm scripts/telemetry-overhead`" + `
on another 2-CPU VM, otherwise idle, where a generation with telemetry off took 2.0 ms of CPU, put the
whole interval below 3 %:

| code | off CPU | ` + "`off_twin`" + ` | ` + "`cli_relay`" + ` CPU overhead | its 30 rounds |
|---|---|---|---|---|
| cfd58bc | 2.00 ms | −0.15 % [−0.40, +0.10] | **+2.70 % [+2.10, +2.90]** | +1.4 % to +4.1 %, 9 of 30 above 3 % |
| 0681996 | 2.00 ms | −0.16 % [−0.32, 0.00] | **+2.45 % [+2.20, +2.80]** | +1.4 % to +3.7 %, 8 of 30 above 3 % |

(benchstat printed the first as [+1.67, +3.73], its ±1 % of the median.) The relayed run allocated 9.3 KiB
and 29 objects more than off (460.9 against 451.6 KiB, 5,348 against 5,319); the agent spent 0.45 ms of
CPU per relayed run and the Collector 0.18 ms (0.69 and 0.29 ms in the first run). All seven modes in one run of the second code
(` + "`ROUNDS=10 ITERS=1000`" + `, off 2.17 ms, intervals of ranks 2 and 9 of 10, wide with seven modes):
` + "`off_twin`" + ` −0.45 % [−4.4, +4.9], ` + "`on_no_export`" + ` +6.75 % [+3.9, +11.6], ` + "`on_collector`" + ` +3.1 % [−1.6, +17.0],
` + "`cli_export`" + ` +49 % [+40, +77], ` + "`cli_oneshot`" + ` +46 % [+40, +58], ` + "`cli_relay`" + ` +3.6 % [0.0, +11.3].
This VM's generations are cheaper than those of the runs above (2.0 ms of CPU against 2.1 to 2.6 ms);
its system calls were not timed apart, so how much of the lower figure is this VM's and how much the
exact interval's and the 30 rounds' cannot be told.

**A whole CLI process** is what a user waits for. ` + "`scripts/cli-export-cost`" + ` times one cold generation on
the 1,000-generator tree of ` + "`scripts/cold-start`" + `, unflushed, with the shipped Collector and an agent
started with ` + "`--relay`" + ` on the same machine; its cases run interleaved in random order
(` + "`scripts/lib/interleave.py`" + `), and it reports medians of wall time and of each process's CPU time and
page faults. One run, 60 runs per case, idle, the code of commit 283f7ee (the relayed run hands the agent
its record), and, minutes before it, the same script on commit fa3f87f (the spans in the datagram):

| case | wall | CPU (user+sys) | page faults | fa3f87f: wall, CPU |
|---|---|---|---|---|
| no endpoint | 34.83 ms | 43.63 ms | 994 | 31.41 ms, 41.24 ms |
| exporting from ` + "`hypergen`" + ` | 37.61 ms (1.08×) | 48.08 ms (1.10×) | 1,022 | 1.11×, 1.08× |
| relayed to the agent | 35.69 ms (1.02×) | 44.38 ms (1.02×) | 994 | 1.11×, 1.04× |
| handed to ` + "`hypergen-perf`" + ` (SDK) | 85.87 ms (2.47×) | 107.52 ms (2.46×) | 2,149 | 2.50×, 2.34× |

The Collector counted every exported run (189 of 189 in each); the agent relayed all 63 of its runs
and spent 2.06 ms of CPU per relayed run (1.90 ms at fa3f87f; its idle work included, read from
/proc in 10 ms ticks). An earlier run (commit 42d0132, 40 runs per case) gave 1.07× and 1.02× of wall
time for exporting and relaying. The run before, on another VM (commit a83d286, 60 runs per case, no
relay case): 10.48 ms with no endpoint, 1.13× of wall and 1.04× of CPU exporting from ` + "`hypergen`" + `,
2.23× handed to ` + "`hypergen-perf`" + `. The figures before that (commit baf88e6:
1.24× and 2.65× of wall time) came from hyperfine,
which ran each case's runs back to back and started only the exporting cases through ` + "`env(1)`" + `,
about a millisecond each. Linking the exporter into ` + "`hypergen`" + ` makes every process initialise the
trace API and the observer; in the baf88e6 run the ` + "`hypergen`" + ` of 2f4764b, before it, took 27.8 ms against
27.6 ms without telemetry, within the run's noise (see the README's architecture section).
`
