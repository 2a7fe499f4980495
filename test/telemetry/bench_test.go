package telemetry

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/oneshot"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// tenTemplates is an action of ten templates: eight adds with helpers and a
// loop, and two injects.
func tenTemplates(b testing.TB) string {
	b.Helper()
	dir := b.TempDir()
	write := func(p, c string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 8; i++ {
		write(fmt.Sprintf("_templates/mod/new/f%d.ejs.t", i), fmt.Sprintf(`---
to: src/<%%= h.changeCase.param(name) %%>/part%d.ts
---
// <%%= h.inflection.humanize(h.changeCase.snake(name)) %%> part %d
export class <%%= Name %%>Part%d {
<%% for (const f of ['id', 'name', 'createdAt']) { -%%>
  <%%= f %%>?: string;
<%% } -%%>
}
`, i, i, i))
	}
	for i := range registries {
		write(fmt.Sprintf("_templates/mod/new/z%d.ejs.t", i), fmt.Sprintf(`---
to: registry%d.ts
inject: true
append: true
skip_if: <%%= Name %%>Part
---
export * from './src/<%%= h.changeCase.param(name) %%>/part%d';`, i, i))
		write(fmt.Sprintf("registry%d.ts", i), registryStart)
	}
	return dir
}

// benchModes are BenchmarkGeneration's and BenchmarkOverhead's cases, in
// the order they are set up; HYPERGEN_BENCH_MODES (names separated by spaces
// or commas, off first) runs some of them only.
var benchModes = sync.OnceValue(func() []string {
	all := []string{"off", "off_twin", "on_no_export", "on_collector", "cli_export", "cli_oneshot", "cli_relay"}
	picked := strings.FieldsFunc(os.Getenv("HYPERGEN_BENCH_MODES"), func(r rune) bool { return r == ' ' || r == ',' })
	if len(picked) == 0 {
		return all
	}
	return picked
})

// benchCase is one way of running the generation: the shared engine,
// observed by the telemetry of one mode.
type benchCase struct {
	// run generates once; in mode cli_export it also exports the run's
	// spans, as a CLI process does before it exits.
	run func()
	// flush hands the Collector every span recorded so far (nothing to do
	// when the mode exports nothing).
	flush func()
	// agent is the relaying agent of mode cli_relay.
	agent *testenv.Process
}

// benchEngine is the engine every mode of a benchmark runs: the ten-template
// action, its events passed on to the observer of the mode that runs it.
// One engine for all modes, because two engines differ by themselves
// (their template folders, caches and heap layout): separate engines gave
// off_twin, a second engine with telemetry off, from -0.4 % to +2.6 % over
// off, as much as the budget being measured.
type benchEngine struct {
	*generator.Engine
	obs *currentObserver
	dir string // the project
}

// registries is how many files the action injects into (registryN.ts),
// and registryStart what each holds before a generation.
const (
	registries    = 2
	registryStart = "// registry\n"
)

// reset gives the injected files back their first text. Each generation
// appends a line to both (its skip_if does not match what it injects): left
// to grow, they held thousands of lines by the end of a round, so a
// generation cost more the later it came (2.85 ms of CPU over the first
// 100, 3.54 ms over 4,000 in one measurement), and how far telemetry's
// share was diluted depended on ITERS.
func (e benchEngine) reset(b testing.TB) {
	for i := range registries {
		if err := os.WriteFile(filepath.Join(e.dir, fmt.Sprintf("registry%d.ts", i)), []byte(registryStart), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

func newBenchEngine(b *testing.B) benchEngine {
	env := map[string]string{"HYGEN_OVERWRITE": "1"}
	obs := &currentObserver{Observer: instrument.Disabled().Observer()}
	// Unflushed writes: waiting for the disk would add to every mode alike
	// and make telemetry's share look smaller than it is on a fast disk.
	dir := tenTemplates(b)
	eng := generator.New(generator.Config{Cwd: dir, Observer: obs, Stdout: io.Discard,
		Getenv: func(k string) string { return env[k] }, NoFsync: true})
	return benchEngine{eng, obs, dir}
}

// runWith generates once, observed by obs.
func (e benchEngine) runWith(b *testing.B, obs generator.Observer) {
	e.obs.Observer = obs
	if _, err := e.Run(context.Background(), []string{"mod", "new", "billingAccount"}); err != nil {
		b.Fatal(err)
	}
}

// newCase sets up mode. The exporting modes export to col over OTLP/gRPC
// with a CLI run's configuration: spans only (Config.OneShot). In
// on_collector the SDK's batch processor exports in the background, several
// runs per export, as in a long-lived process.
func newCase(b *testing.B, mode string, col *testenv.Collector, eng benchEngine) *benchCase {
	ctx := context.Background()
	var (
		tel      *instrument.Telemetry
		err      error
		everyRun bool
	)
	switch mode {
	case "cli_oneshot":
		return newOneShotCase(b, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + col.OTLP}, false, eng)
	case "cli_relay":
		sock, agent := startRelayAgent(b, col)
		c := newOneShotCase(b, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://" + col.OTLP, oneshot.RelayVar: sock}, true, eng)
		c.agent = agent
		return c
	}
	switch mode {
	case "off", "off_twin":
		// off_twin runs what off runs: how far a mode differs from off
		// by the benchmark's own noise (the order of the modes, the
		// machine), which every other mode's figure carries too.
		tel = instrument.Disabled()
	case "on_no_export":
		tp := sdktrace.NewTracerProvider()
		mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
		tel, err = instrument.FromProviders(tp, mp)
	case "on_collector", "cli_export":
		everyRun = mode == "cli_export"
		b.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://"+col.OTLP)
		b.Setenv("OTEL_EXPORTER_OTLP_INSECURE", "true")
		tel, err = instrument.Setup(ctx, instrument.Config{Enabled: true, ServiceName: "hypergen-bench",
			Traces: []exporters.Kind{exporters.OTLP}, Metrics: []exporters.Kind{exporters.OTLP}, Retry: true, OneShot: true}, io.Discard)
		if err == nil {
			b.Cleanup(func() { _ = tel.Shutdown(ctx) })
		}
	default:
		b.Fatalf("no benchmark mode %q", mode)
	}
	if err != nil {
		b.Fatal(err)
	}
	obs := tel.Observer()
	tel.ObserveCache(eng.CacheStats)
	c := &benchCase{flush: func() {}}
	if tp, ok := tel.TracerProvider.(*sdktrace.TracerProvider); ok {
		c.flush = func() {
			if err := tp.ForceFlush(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
	c.run = func() {
		eng.runWith(b, obs)
		if everyRun {
			c.flush()
		}
	}
	c.run() // warm the compile cache and the exporter's connection
	c.flush()
	return c
}

// newOneShotCase is what the hypergen binary does with the settings of env
// (package oneshot), for every run. Mode cli_oneshot, an OTLP endpoint: set
// the pipeline up (its connection opens while the run renders), run, and
// export the spans on that new connection at the end. Mode cli_relay, a
// relay socket as well: the same, the spans handed to a running agent in a
// datagram instead; relayed makes every run check that they were.
func newOneShotCase(b *testing.B, env map[string]string, relayed bool, eng benchEngine) *benchCase {
	ctx := context.Background()
	s, err := oneshot.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		b.Fatal(err)
	}
	c := &benchCase{flush: func() {}}
	c.run = func() {
		tel := oneshot.Start(s, "bench", io.Discard)
		eng.runWith(b, tel.Observer())
		if err := tel.Shutdown(ctx); err != nil {
			b.Fatal(err)
		}
		if relayed && !tel.Relayed() {
			b.Fatal("the run exported its spans itself: the agent's relay socket did not take them")
		}
	}
	c.run() // warm the compile cache
	return c
}

// startRelayAgent runs the agent (hypergen perf monitor) with a relay
// socket, exporting to col, pinned as col is, and returns the socket's
// path.
func startRelayAgent(b testing.TB, col *testenv.Collector) (string, *testenv.Process) {
	b.Helper()
	dir := testenv.SocketDir(b)
	sock := filepath.Join(dir, "s")
	admin := testenv.FreeAddr(b)
	p := testenv.StartEnv(b, []string{"OTEL_EXPORTER_OTLP_ENDPOINT=http://" + col.OTLP, "OTEL_EXPORTER_OTLP_INSECURE=true",
		"HOME=" + dir}, hypergenBin, "perf", "monitor", "--listen", admin, "--relay", sock, "--probe-interval", "0",
		"--templates", tenTemplates(b)+"/_templates")
	p.WaitListening(b, 30*time.Second, admin)
	pin(b, p.PID())
	return sock, p
}

// currentObserver passes events on to the observer of the current run, so
// one engine (and its warm compile cache) serves every mode, and runs that
// each have a pipeline of their own.
type currentObserver struct{ generator.Observer }

// BenchmarkGeneration compares one generation of a ten-template action with
// telemetry off, on without any export (spans and metrics recorded, as a
// library user's providers do), and on exporting to a real local Collector
// (the shipped pipeline): on_collector batching several runs per export,
// cli_export exporting at the end of every run through the SDK, as
// hypergen-perf does (setting the pipeline up and shutting it down, which a
// CLI process also does, is BenchmarkObserverRun/process), and cli_oneshot
// as the hypergen binary does: its own exporter, set up, connected and shut
// down for every run. Besides wall time it reports
// cpu-ms/op, the CPU time (user and system, every thread: render workers,
// exporter, GC) this process spent per run, which the Collector's CPU time,
// on the same machine, does not inflate; and for the exporting modes the
// Collector's CPU time per run (collector-ms/op), every export counted in
// both. The cases run one after another, so the machine's drift goes into
// their comparison: BenchmarkOverhead interleaves them.
func BenchmarkGeneration(b *testing.B) {
	for _, mode := range benchModes() {
		b.Run("mode="+mode, func(b *testing.B) {
			var col *testenv.Collector
			if mode == "on_collector" || mode == "cli_export" || mode == "cli_oneshot" || mode == "cli_relay" {
				col = testenv.StartShippedCollector(b)
				pinCollector(b, col)
			}
			eng := newBenchEngine(b)
			c := newCase(b, mode, col, eng)
			report := func() {}
			if col != nil {
				report = processCPUReport(b, col.Process, "collector-ms/op")
			}
			if c.agent != nil {
				collector := report
				agent := processCPUReport(b, c.agent, "agent-ms/op")
				report = func() { collector(); agent() }
			}
			cpu0 := processCPU(b)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				// Counted here: a write of two small files, the same for
				// every mode (BenchmarkOverhead leaves it out).
				eng.reset(b)
				c.run()
			}
			b.StopTimer()
			c.flush()
			b.ReportMetric(float64(processCPU(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			report()
		})
	}
}

// BenchmarkOverhead measures what BenchmarkGeneration does, interleaved:
// every iteration runs one generation of each mode, so load that comes and
// goes on the machine falls on every mode alike. Work one mode leaves
// running (a garbage collection it started, the exporter's goroutines
// finishing) falls on the mode that runs next, so the orders come from a
// design in which every mode runs right after every other equally often
// (carryoverBalanced); drawn at random with one fixed seed, the same
// orders in every round, off_twin, which runs what off runs, came out
// 1.3 % [0.3, 2.2] faster than off. Which mode takes which place in the
// design changes from round to round, so what is left of the orders'
// effect shows in the rounds' spread.
// It reports each mode's wall time and process CPU time per generation
// (<mode>-ms, <mode>-cpu-ms) and their ratios to off's (<mode>-vs-off,
// <mode>-vs-off-cpu; ratios, not percentages, which can be negative and
// which an interval relative to the median cannot be given for). The garbage
// collector's work lands in whichever generation is running when it runs;
// a collection starts in the mode whose allocation crosses the heap goal,
// so modes are charged for it about in proportion to what they allocate.
// scripts/telemetry-overhead runs it with -count and summarises the rounds.
func BenchmarkOverhead(b *testing.B) {
	col := testenv.StartShippedCollector(b)
	pinCollector(b, col)
	modes := benchModes()
	if modes[0] != "off" {
		b.Fatalf("HYPERGEN_BENCH_MODES=%q: the first mode must be off, the one the others are compared with", strings.Join(modes, ","))
	}
	cases := make([]*benchCase, len(modes))
	eng := newBenchEngine(b)
	for i, mode := range modes {
		cases[i] = newCase(b, mode, col, eng)
	}
	wall := make([]time.Duration, len(cases))
	cpu := make([]time.Duration, len(cases))
	overheadRounds++
	labels := rand.New(rand.NewPCG(1, overheadRounds)).Perm(len(cases))
	orders := carryoverBalanced(len(cases))
	for i := 0; b.Loop(); i++ {
		for _, place := range orders[i%len(orders)] {
			k := labels[place]
			eng.reset(b)
			t0, c0 := time.Now(), processCPU(b)
			// Labelled, so that a CPU profile splits by mode
			// (go tool pprof -tagfocus mode=cli_relay).
			pprof.Do(context.Background(), pprof.Labels("mode", modes[k]), func(context.Context) { cases[k].run() })
			wall[k] += time.Since(t0)
			cpu[k] += processCPU(b) - c0
		}
	}
	b.StopTimer()
	for _, c := range cases {
		c.flush()
	}
	for k, mode := range modes {
		b.ReportMetric(float64(wall[k])/float64(time.Millisecond)/float64(b.N), mode+"-ms")
		b.ReportMetric(float64(cpu[k])/float64(time.Millisecond)/float64(b.N), mode+"-cpu-ms")
		if k > 0 {
			b.ReportMetric(float64(wall[k])/float64(wall[0]), mode+"-vs-off")
			b.ReportMetric(float64(cpu[k])/float64(cpu[0]), mode+"-vs-off-cpu")
		}
	}
}

// overheadRounds counts BenchmarkOverhead's rounds (-count), so that each
// round places the modes in the design differently, and every run of the
// script the same way.
var overheadRounds uint64

// carryoverBalanced returns orders of n places in which each place comes
// right after each other place equally often: a Williams design, n orders
// for an even n and 2n for an odd n (each with its reverse).
func carryoverBalanced(n int) [][]int {
	// The first order is 0, 1, n-1, 2, n-2, …; the others add 1, 2, … to it.
	first := make([]int, n)
	for j, lo, hi := 1, 1, n-1; j < n; j++ {
		if j%2 == 1 {
			first[j], lo = lo, lo+1
		} else {
			first[j], hi = hi, hi-1
		}
	}
	var orders [][]int
	for r := range n {
		o := make([]int, n)
		for j, p := range first {
			o[j] = (p + r) % n
		}
		orders = append(orders, o)
	}
	if n%2 == 1 {
		for r := range n {
			o := slices.Clone(orders[r])
			slices.Reverse(o)
			orders = append(orders, o)
		}
	}
	return orders
}

// processCPUReport starts counting the CPU time p (the Collector, the
// agent) uses; the function it returns reports it per iteration, as unit.
func processCPUReport(b *testing.B, p *testenv.Process, unit string) func() {
	b.Helper()
	cpu0, err := p.CPUTime()
	if err != nil {
		b.Fatal(err)
	}
	return func() {
		cpu1, err := p.CPUTime()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), unit)
	}
}

// pinCollector moves every thread of col to the CPUs listed in
// HYPERGEN_BENCH_COLLECTOR_CPUS (taskset syntax), when it is set:
// scripts/telemetry-overhead runs the benchmark on one CPU and the Collector
// (and the relaying agent) on another, so that their work does not take CPU
// time from the run they receive spans from (in production they run in
// other processes, the Collector often elsewhere).
func pinCollector(b *testing.B, col *testenv.Collector) { pin(b, col.PID()) }

func pin(b testing.TB, pid int) {
	cpus := os.Getenv("HYPERGEN_BENCH_COLLECTOR_CPUS")
	if cpus == "" {
		return
	}
	if out, err := exec.Command("taskset", "-a", "-p", "-c", cpus, strconv.Itoa(pid)).CombinedOutput(); err != nil {
		b.Fatalf("pinning process %d to CPUs %s: %v\n%s", pid, cpus, err, out)
	}
}

// replayRun reports to obs the events of one run of a ten-template action
// (five phases, ten templates, ten operations), as the engine does, without
// running the engine: what the telemetry costs, alone.
func replayRun(ctx context.Context, obs generator.Observer, files []generator.FileEvent, ops []generator.OpResult) {
	ctx = obs.RunStart(ctx, []string{"mod", "new", "billingAccount"})
	start := time.Now()
	obs.PhaseDone(ctx, generator.PhaseResolve, start, nil)
	obs.PhaseDone(ctx, generator.PhaseList, start, nil)
	for _, f := range files {
		obs.FileDone(ctx, f)
	}
	obs.PhaseDone(ctx, generator.PhaseRender, start, nil)
	obs.PhaseDone(ctx, generator.PhasePlan, start, nil)
	for _, op := range ops {
		obs.OpDone(ctx, op, start, nil)
	}
	obs.PhaseDone(ctx, generator.PhaseApply, start, nil)
	obs.RunDone(ctx, &generator.Result{Generator: "mod", Action: "new", Files: len(files), Ops: ops}, nil)
}

// BenchmarkObserverRun is the telemetry of one CLI run alone: the events of
// a ten-template run replayed to the Observer of a one-shot pipeline that
// exports to a real local Collector (the shipped pipeline). ns/op and
// allocs/op are the run's telemetry cost in the process; collector-ms/op
// the Collector's. "no_export" records into providers that export nothing
// (spans and metrics, as BenchmarkGeneration's on_no_export): the
// observer's and the SDK's cost alone, without a Collector. "run" keeps one
// pipeline and exports after every run;
// "process" also sets the pipeline up and shuts it down for every run, as
// a CLI process does (a new connection to the Collector each time);
// "oneshot_process" does the same with the hypergen binary's own exporter
// (package oneshot) instead of the SDK's, and "relay_process" hands the
// run's record to a real agent's relay socket, as that exporter does with
// HYPERGEN_TELEMETRY_RELAY (agent-ms/op: the agent's CPU time).
func BenchmarkObserverRun(b *testing.B) {
	var files []generator.FileEvent
	var ops []generator.OpResult
	now := time.Now()
	for i := 0; i < 10; i++ {
		tmpl := fmt.Sprintf("_templates/mod/new/f%d.ejs.t", i)
		files = append(files, generator.FileEvent{Template: tmpl, Start: now, Read: 20 * time.Microsecond,
			Parse: 40 * time.Microsecond, Render: 300 * time.Microsecond, Bytes: 180, Cached: 2})
		ops = append(ops, generator.OpResult{Kind: generator.OpAdd, Template: tmpl,
			Target: fmt.Sprintf("src/billing-account/part%d.ts", i), Status: generator.StatusForced, Bytes: 180})
	}
	ctx := context.Background()
	setup := func(b *testing.B) *instrument.Telemetry {
		tel, err := instrument.Setup(ctx, instrument.Config{Enabled: true, ServiceName: "hypergen-bench",
			Traces: []exporters.Kind{exporters.OTLP}, OneShot: true}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		return tel
	}
	// measure runs one (warm-up) and then b.N iterations of run, and
	// reports this process's and the Collector's CPU time per iteration,
	// and with relay that of an agent relaying to the Collector.
	measure := func(b *testing.B, relay bool, run func()) {
		col := testenv.StartShippedCollector(b)
		pinCollector(b, col)
		b.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://"+col.OTLP)
		b.Setenv("OTEL_EXPORTER_OTLP_INSECURE", "true")
		var agent *testenv.Process
		if relay {
			var sock string
			sock, agent = startRelayAgent(b, col)
			b.Setenv(oneshot.RelayVar, sock)
		}
		run()
		report := processCPUReport(b, col.Process, "collector-ms/op")
		if agent != nil {
			reportCollector := report
			reportAgent := processCPUReport(b, agent, "agent-ms/op")
			report = func() { reportCollector(); reportAgent() }
		}
		cpu0 := processCPU(b)
		b.ReportAllocs()
		for b.Loop() {
			run()
		}
		b.StopTimer()
		b.ReportMetric(float64(processCPU(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		report()
	}
	b.Run("no_export", func(b *testing.B) {
		tel, err := instrument.FromProviders(sdktrace.NewTracerProvider(),
			sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader())))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			replayRun(ctx, tel.Observer(), files, ops)
		}
	})
	b.Run("run", func(b *testing.B) {
		var tel *instrument.Telemetry
		measure(b, false, func() {
			if tel == nil {
				tel = setup(b)
				b.Cleanup(func() { _ = tel.Shutdown(ctx) })
			}
			replayRun(ctx, tel.Observer(), files, ops)
			// As a CLI run does, export before the next run: a batch of one run.
			if err := tel.TracerProvider.(*sdktrace.TracerProvider).ForceFlush(ctx); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("process", func(b *testing.B) {
		measure(b, false, func() {
			tel := setup(b)
			replayRun(ctx, tel.Observer(), files, ops)
			if err := tel.Shutdown(ctx); err != nil {
				b.Fatal(err)
			}
		})
	})
	oneshotProcess := func(relay bool) func(b *testing.B) {
		return func(b *testing.B) {
			measure(b, relay, func() {
				s, err := oneshot.FromEnv(os.Getenv)
				if err != nil {
					b.Fatal(err)
				}
				tel := oneshot.Start(s, "bench", io.Discard)
				replayRun(ctx, tel.Observer(), files, ops)
				if err := tel.Shutdown(ctx); err != nil {
					b.Fatal(err)
				}
				if relay && !tel.Relayed() {
					b.Fatal("the run's spans were exported, not relayed")
				}
			})
		}
	}
	b.Run("oneshot_process", oneshotProcess(false))
	b.Run("relay_process", oneshotProcess(true))
}

func TestCarryoverBalanced(t *testing.T) {
	for n := 1; n <= 8; n++ {
		orders := carryoverBalanced(n)
		after := map[[2]int]int{}
		for _, o := range orders {
			if len(o) != n {
				t.Fatalf("n=%d: order %v has %d places", n, o, len(o))
			}
			seen := map[int]bool{}
			for j, p := range o {
				if p < 0 || p >= n || seen[p] {
					t.Fatalf("n=%d: order %v is not a permutation", n, o)
				}
				seen[p] = true
				if j > 0 {
					after[[2]int{o[j-1], p}]++
				}
			}
		}
		for a := range n {
			for c := range n {
				if a != c && after[[2]int{a, c}] != after[[2]int{0, 1}] {
					t.Errorf("n=%d: %d comes right after %d %d times, 1 after 0 %d times: %v", n, c, a, after[[2]int{a, c}], after[[2]int{0, 1}], orders)
				}
			}
		}
	}
}
