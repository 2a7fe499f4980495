package perfcli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/atomicfile"
	"github.com/hypergen-dev/hypergen/internal/cli"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/perf"
	"github.com/hypergen-dev/hypergen/internal/perf/baseline"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/memlimit"
	"github.com/hypergen-dev/hypergen/internal/report"
)

const perfUsage = `Usage: hypergen perf COMMAND [flags]

Measures hypergen on synthetic template trees and keeps the results in a
local history (<cache>/perf/history.jsonl). These commands live in the
hypergen-perf executable, which hypergen runs for them (hypergen-perf
COMMAND works too). The cache folder is
$HYPERGEN_CACHE_DIR, else hypergen/ in the user cache folder; the commands
that use it (benchmark, test, analyze, optimize, export, corpus) take
--cache-dir, which overrides both. Every command but monitor and version
takes --json.

Commands:
`

// perfCommands is the perf command table; status and monitor (monitor.go)
// talk to, or run, the agent.
func perfCommands() []command {
	return []command{
		{"benchmark", "time start-up, resolution, rendering and generation (min/p50/p95/p99/max)", runPerfBenchmark},
		{"test", "scalability validation: time and memory over tree sizes, fitted growth exponents", runPerfTest},
		{"analyze", "name the bottleneck, cache efficiency, memory growth and trends from the history", runPerfAnalyze},
		{"optimize", "build or refresh the persistent index of a templates root", runPerfOptimize},
		{"export", "write every result and the environment as JSON (schema hypergen.perf.export/v1)", runPerfExport},
		{"corpus", "write a synthetic template tree", runPerfCorpus},
		{"status", "budgets and health from a running agent (or measured in-process)", runPerfStatus},
		{"monitor", "run as a sidecar: admin API, probes, budgets, profiling, telemetry", runPerfMonitor},
		{"version", "print hypergen-perf's version (it should match 'hypergen version')", runPerfVersion},
	}
}

// Main runs hypergen-perf's command line: a perf command, "generate"
// followed by a generation command line (what hypergen hands over), or
// "__complete" with the words after "perf" (shell completion).
func Main(env *cli.Env) int {
	env.Heavy = &cli.Heavy{Telemetry: setupTelemetry, Delegate: delegateGenerate}
	args := env.Args
	if len(args) > 0 {
		switch args[0] {
		case "generate":
			return cli.Generate(env, args[1:])
		case "__complete":
			return complete(env, args[1:])
		}
	}
	if len(args) == 2 && args[0] == "help" {
		// perf help X is X's page, as help perf X is.
		args = []string{args[1], "--help"}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := env.Stdout
		if len(args) == 0 {
			w = env.Stderr
		}
		fmt.Fprint(w, perfUsage)
		for _, c := range perfCommands() {
			fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
		}
		if len(args) == 0 {
			return cli.ExitUsage
		}
		return cli.ExitOK
	}
	for _, c := range perfCommands() {
		if c.name == args[0] {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "hypergen perf: unknown command %q%s (see 'hypergen perf --help')\n", args[0], cli.DidYouMean(args[0], perfNames()))
	return cli.ExitUsage
}

type command struct {
	name, summary string
	run           func(env *cli.Env, args []string) int
}

func perfNames() []string {
	var names []string
	for _, c := range perfCommands() {
		names = append(names, c.name)
	}
	return names
}

// complete prints the completions of the words after "perf": a perf
// command, or the flags its own --help lists.
func complete(env *cli.Env, words []string) int {
	if len(words) == 0 {
		words = []string{""}
	}
	cur := words[len(words)-1]
	var cands []string
	switch {
	case len(words) == 1, len(words) == 2 && words[0] == "help":
		cands = perfNames()
	case strings.HasPrefix(cur, "-"):
		cands = cli.CommandFlags(env, func(e *cli.Env) int { return Main(withArgs(e, words[0], "--help")) })
	}
	cli.PrintCompletions(env, cands, cur)
	return cli.ExitOK
}

func withArgs(env *cli.Env, args ...string) *cli.Env {
	e := *env
	e.Args = args
	return &e
}

// perfFlags are the flags every perf command has.
type perfFlags struct {
	json     *bool
	cacheDir *string
}

func newPerfFlags(env *cli.Env, name, usage string) (*pflag.FlagSet, perfFlags) {
	fs := cli.NewFlagSet(env, "perf "+name, usage)
	return fs, perfFlags{
		json:     fs.Bool("json", false, "print JSON instead of tables"),
		cacheDir: fs.String("cache-dir", "", "cache folder (default: $HYPERGEN_CACHE_DIR, else the user cache folder's hypergen/)"),
	}
}

func (f perfFlags) dir(env *cli.Env) (string, error) {
	dir, from := *f.cacheDir, "--cache-dir"
	if dir == "" {
		var err error
		if dir, err = diskindex.DefaultDir(env.Getenv); err != nil {
			return "", err
		}
		from = "the cache folder"
		if env.Getenv("HYPERGEN_CACHE_DIR") != "" {
			from = "HYPERGEN_CACHE_DIR"
		}
	}
	dir = fromCwd(env, dir)
	// Made when missing; a file in its place, or on the way to it, would
	// fail later with a path deep inside it and "not a directory".
	if file := fileOnTheWay(dir); file != "" {
		msg := fmt.Sprintf("%s %s is not a folder", from, dir)
		if file != dir {
			msg = fmt.Sprintf("%s %s: %s is a file", from, dir, file)
		}
		if from == "--cache-dir" {
			return "", &usageError{msg}
		}
		return "", errors.New(msg)
	}
	return dir, nil
}

// fileOnTheWay is path, or the folder on the way to it, that exists and is
// not a folder; "" if there is none.
func fileOnTheWay(path string) string {
	for p := path; ; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err == nil {
			if st.IsDir() {
				return ""
			}
			return p
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}

// usageError is a mistake in what the command was given, found after
// parsing: it exits as a usage error does.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func perfFail(env *cli.Env, name string, err error) int {
	if u := (*usageError)(nil); errors.As(err, &u) {
		return usageFail(env, name, u.msg)
	}
	fmt.Fprintf(env.Stderr, "hypergen perf %s: %v\n", name, err)
	return cli.ExitFail
}

func usageFail(env *cli.Env, name, msg string) int {
	fmt.Fprintf(env.Stderr, "hypergen perf %s: %s (see 'hypergen perf %s --help')\n", name, msg, name)
	return cli.ExitUsage
}

// progress draws a one-line progress display on stderr when it is a terminal.
func progress(env *cli.Env) perf.Progress {
	f, ok := env.Stderr.(*os.File)
	if !ok || !cli.StdinIsTerminal(f) {
		return nil
	}
	return func(done, total int, what string) {
		fmt.Fprintf(f, "\r\033[K[%d/%d] %s", done, total, what)
		if done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}

// signalContext is cancelled by Ctrl-C or SIGTERM (a CI timeout, a
// container's stop), so that long perf work removes its scratch trees.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// stopped names the signal when one ended the work, rather than "context
// canceled". Scratch trees and a partial corpus are removed by then.
func stopped(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("stopped (%v), leaving no scratch files", context.Cause(ctx))
	}
	return err
}

// record keeps a run in the history; failing to keep it is a warning, the
// results are still printed.
func record(env *cli.Env, dir, kind string, mem memlimit.Setting, report any) {
	if err := perf.HistoryIn(dir).Append(kind, perf.CurrentEnvironment(cli.Version(), mem), report); err != nil {
		fmt.Fprintf(env.Stderr, "hypergen: warning: %v\n", err)
	}
}

const benchmarkUsage = `Usage: hypergen perf benchmark [--iterations N] [--generators N] [--json] [--no-fail]

Writes a synthetic tree (--generators × 2 actions × 5 templates) in a scratch
folder and times, N times each: process start-up and cold generations (this
binary, with the persistent index built), and template resolution, rendering
and full generation in one warm process. Prints min/p50/p95/p99/max, the
compiled-template cache's hit rate, memory, and the targets (the budgets of
package budgets, as perf status judges them). Time is named as everywhere in
hypergen: process start-up (exec to main: a new 'hypergen version'),
resolution (resolve + list), generation (a whole run).

Process start-up is judged as a ratio to a hello-world Go binary's, started
alternately with hypergen in the same run (absolute times do not carry
between machines; on a busy machine waiting for a CPU pads both, so the
ratio shrinks). With the go command on PATH the hello-world is built by it,
once per Go version, in the cache folder's perf/baseline/. Without one (an
install from the release archive), hypergen-perf stands in, exiting before
its heavy packages initialise; being a larger executable it starts about
twice as slowly as a real hello-world, so that ratio is printed but not
judged. The report names the baseline it used.
Exits 1 when a target is missed, unless --no-fail.`

func runPerfBenchmark(env *cli.Env, args []string) int {
	fs, pf := newPerfFlags(env, "benchmark", benchmarkUsage)
	iterations := fs.Int("iterations", 100, fmt.Sprintf("timed runs of each kind, 1 to %d", maxIterations))
	gens := fs.Int("generators", 1000, treeLimit("generators in the synthetic tree, at least 1"))
	seed := fs.Uint64("seed", 1, "corpus seed")
	noFail := fs.Bool("no-fail", false, "exit 0 even when a target is missed")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	switch {
	case *iterations < 1 || *iterations > maxIterations:
		return usageFail(env, "benchmark", fmt.Sprintf("--iterations must be 1 to %d, got %d", maxIterations, *iterations))
	case *gens < 1:
		return usageFail(env, "benchmark", fmt.Sprintf("--generators must be at least 1, got %d", *gens))
	}
	if err := (corpus.Spec{Generators: *gens}).WithDefaults().Validate(); err != nil {
		return usageFail(env, "benchmark", "--generators: "+err.Error())
	}
	dir, err := pf.dir(env)
	if err != nil {
		return perfFail(env, "benchmark", err)
	}
	bin, err := cli.FindExecutable("hypergen") // time the everyday binary, not this one
	if err != nil {
		return perfFail(env, "benchmark", err)
	}
	mem := memlimit.Apply(env.Getenv, "/")
	ctx, stop := signalContext()
	defer stop()
	base, err := startupBaseline(ctx, env, dir)
	if err != nil {
		return perfFail(env, "benchmark", stopped(ctx, err))
	}
	rep, err := perf.Benchmark(ctx, perf.BenchmarkOptions{Iterations: *iterations, Binary: bin, Baseline: base,
		Corpus: corpus.Spec{Generators: *gens, Seed: *seed}, Progress: progress(env), Memory: mem})
	if err != nil {
		return perfFail(env, "benchmark", stopped(ctx, err))
	}
	return finishJudged(env, pf, dir, mem, judged{"benchmark", rep, rep.Targets, *noFail,
		func(w io.Writer) { printBenchmark(w, rep) }, "the benchmark measured none of its budgets"})
}

// startupBaseline is the hello-world process start-up is compared with: one
// built by the go command on PATH, else this executable exiting from package
// baseline's init (see benchmarkUsage for why that is not judged). A go
// command that fails to build one gets a warning naming why, and the
// stand-in, rather than failing the whole benchmark.
func startupBaseline(ctx context.Context, env *cli.Env, cacheDir string) (*perf.Baseline, error) {
	b, err := perf.HelloWorld(ctx, filepath.Join(cacheDir, "perf"))
	if b != nil {
		return b, nil
	}
	if ctx.Err() != nil {
		// Stopped, not a go command that failed: no stand-in is wanted.
		return nil, context.Cause(ctx)
	}
	why := "no go command on PATH to build a hello-world"
	if err != nil {
		fmt.Fprintf(env.Stderr, "hypergen perf benchmark: warning: %v; hypergen-perf stands in for the hello-world\n", err)
		why = "the go command could not build a hello-world"
	}
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding this executable for the start-up baseline: %w", err)
	}
	return &perf.Baseline{Command: []string{self}, Env: []string{baseline.Env + "=1"},
		Source: "stand-in: hypergen-perf exiting before its heavy package inits (" + why + ")", StandIn: true}, nil
}

// judged is a run that targets judge: perf benchmark's or perf test's.
type judged struct {
	kind    string // the command, and the history's kind
	report  any
	targets []perf.Target
	noFail  bool
	print   func(io.Writer) // the tables
	// unjudged says why a run judged no target, had it none.
	unjudged string
}

// finishJudged keeps the run in the history, prints it (as JSON with
// --json) and returns its exit code: like go test, a missed target fails
// the command unless --no-fail.
func finishJudged(env *cli.Env, pf perfFlags, dir string, mem memlimit.Setting, r judged) int {
	record(env, dir, r.kind, mem, r.report)
	if *pf.json {
		if code := cli.WriteJSON(env, r.report); code != cli.ExitOK {
			return code
		}
	} else {
		r.print(env.Stdout)
	}
	if len(r.targets) == 0 && !r.noFail {
		// Nothing judged is nothing validated: a CI job must not pass on it.
		fmt.Fprintf(env.Stderr, "hypergen perf %s: no target was judged: %s (--no-fail to exit 0 anyway)\n", r.kind, r.unjudged)
		return cli.ExitFail
	}
	var missed []string
	for _, t := range r.targets {
		if !t.Met {
			missed = append(missed, t.Name)
		}
	}
	if len(missed) == 0 || r.noFail {
		return cli.ExitOK
	}
	fmt.Fprintf(env.Stderr, "hypergen perf %s: targets not met: %s (--no-fail to exit 0 anyway)\n", r.kind, strings.Join(missed, ", "))
	return cli.ExitFail
}

func ms(s float64) string { return fmt.Sprintf("%.3f", s*1e3) }

func printBenchmark(w io.Writer, r *perf.BenchmarkReport) {
	fmt.Fprintf(w, "Tree: %d generators, %d templates (seed %d); %d iterations\n\n",
		r.Corpus.Generators, r.Corpus.Templates, r.Corpus.Seed, r.Iterations)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric (ms)\tmin\tp50\tp95\tp99\tmax\t")
	for _, m := range r.Metrics {
		s := m.Summary
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", m.Name, ms(s.Min), ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max))
	}
	tw.Flush()
	if b := r.StartupBaseline; b != nil {
		judged := ""
		if b.StandIn {
			judged = "; not judged against process_startup_ratio: the stand-in starts slower than a hello-world"
		}
		fmt.Fprintf(w, "\nProcess start-up: %.2f× the baseline (p50 over p50); baseline: %s%s\n", r.StartupRatio, b.Source, judged)
	}
	fmt.Fprintf(w, "\nWarm generation by phase (mean ms): ")
	for _, p := range []string{"resolve", "list", "render", "plan", "apply"} {
		fmt.Fprintf(w, "%s %s  ", p, ms(r.Phases[p]))
	}
	fmt.Fprintf(w, "\nCompiled-template cache: hit rate %.2f %% steady (%.2f %% overall), %d hits, %d misses, %d evictions, %d entries, %.1f KiB of %.0f MiB\n",
		100*r.Cache.SteadyHitRate, 100*r.Cache.HitRate, r.Cache.Hits, r.Cache.Misses, r.Cache.Evictions, r.Cache.Entries,
		float64(r.Cache.Cost)/1024, float64(r.Cache.MaxCost)/(1<<20))
	fmt.Fprintf(w, "Index: %d hits, %d misses, %d stale, %d corrupt (persistent: %v)\n",
		r.Index.Hits, r.Index.Misses, r.Index.Stale, r.Index.Corrupt, r.Index.Persistent)
	fmt.Fprintf(w, "Memory: live heap %.1f MiB after the warm runs; cold process peak RSS %.1f MiB\n\n",
		float64(r.Memory.HeapLiveBytes)/(1<<20), float64(r.Memory.ColdMaxRSSBytes)/(1<<20))
	printTargets(w, r.Targets)
}

func printTargets(w io.Writer, ts []perf.Target) {
	if len(ts) == 0 {
		fmt.Fprintln(w, "No target judged.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TARGET\tWANT\tMEASURED\tRESULT")
	for _, t := range ts {
		res := "met"
		if !t.Met {
			res = "NOT MET"
		}
		if t.Note != "" {
			res += " (" + t.Note + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%.3g %s\t%s\n", t.Name, t.Want, t.Value, t.Unit, res)
	}
	tw.Flush()
}

const testUsage = `Usage: hypergen perf test [--generators N] [--templates M] [--reps R] [--hygen PATH] [--json] [--no-fail]

Scalability validation: for trees of 10, 30, 100, … up to N generators (each
with 2 actions of M templates), measures index build time, index memory, and
generation time in a warm process and in cold processes; then fits
cost = a·templates^b for each and prints b with its 95 % confidence interval,
and pass/fail for every target. --hygen (hygen's bin.js or executable) adds
hygen's cold generation on the same trees; the speed-up ratio and the cold
generation budget are judged on the 1,000-generator tree, so only a run
that reaches it (--generators 1000, the default, or more) shows them. The
100,000-template validation is judged when the largest tree reaches it
(--generators 10000). That is not the default because it writes seven trees,
144,400 templates in all: on a busy 2-core VM it took 12 minutes (2 of them
CPU, mostly the kernel's) and 80 MB. Exits 1 when a target is missed, or
when none could be judged (--generators 30 or less: a fit needs three tree
sizes), unless --no-fail.`

// treeLimit adds the bound every synthetic tree has to a flag's usage.
func treeLimit(usage string) string {
	return fmt.Sprintf("%s; a tree holds at most %d templates in all", usage, corpus.MaxTemplates)
}

// maxIterations bounds timed repetitions: 10,000 of each kind take tens of
// minutes on the default tree; more is a typo, not a measurement.
const maxIterations = 10_000

func runPerfTest(env *cli.Env, args []string) int {
	fs, pf := newPerfFlags(env, "test", testUsage)
	gens := fs.Int("generators", 1000, treeLimit("largest tree, in generators, at least 10"))
	templates := fs.Int("templates", 5, "templates per action, at least 1")
	reps := fs.Int("reps", 5, fmt.Sprintf("cold generations per size (warm: 4× as many), 3 to %d", maxIterations))
	hygen := fs.String("hygen", "", "hygen executable or bin.js to compare with")
	seed := fs.Uint64("seed", 1, "corpus seed")
	noFail := fs.Bool("no-fail", false, "exit 0 even when a target is missed")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	switch {
	case *gens < 10:
		return usageFail(env, "test", fmt.Sprintf("--generators must be at least 10 (a fit needs several sizes), got %d", *gens))
	case *templates < 1:
		return usageFail(env, "test", fmt.Sprintf("--templates must be at least 1, got %d", *templates))
	case *reps < 3 || *reps > maxIterations:
		return usageFail(env, "test", fmt.Sprintf("--reps must be 3 to %d, got %d", maxIterations, *reps))
	}
	if err := (corpus.Spec{Generators: *gens, Templates: *templates}).WithDefaults().Validate(); err != nil {
		return usageFail(env, "test", err.Error())
	}
	var hygenCmd []string
	if *hygen != "" {
		// hygen runs inside each scratch tree, where a relative path
		// (./node_modules/.bin/hygen) names nothing.
		path := fromCwd(env, *hygen)
		if fi, err := os.Stat(path); err != nil {
			return usageFail(env, "test", fmt.Sprintf("--hygen: %v", err))
		} else if fi.IsDir() {
			return usageFail(env, "test", fmt.Sprintf("--hygen: %s is a folder; want hygen's executable or its bin.js", *hygen))
		} else if fi.Mode()&0o111 == 0 && !strings.HasSuffix(path, ".js") && runtime.GOOS != "windows" {
			// Checked now, not after the first tree is built (Windows has
			// no executable bit to check).
			return usageFail(env, "test", fmt.Sprintf("--hygen: %s is not executable; want hygen's executable or its bin.js", *hygen))
		}
		hygenCmd = []string{path}
		if strings.HasSuffix(path, ".js") {
			hygenCmd = []string{"node", path}
		}
	}
	dir, err := pf.dir(env)
	if err != nil {
		return perfFail(env, "test", err)
	}
	bin, err := cli.FindExecutable("hypergen") // time the everyday binary, not this one
	if err != nil {
		return perfFail(env, "test", err)
	}
	mem := memlimit.Apply(env.Getenv, "/")
	ctx, stop := signalContext()
	defer stop()
	rep, err := perf.Scale(ctx, perf.ScaleOptions{MaxGenerators: *gens, Spec: corpus.Spec{Templates: *templates, Seed: *seed},
		Reps: *reps, Binary: bin, Hygen: hygenCmd, Progress: progress(env)})
	if err != nil {
		return perfFail(env, "test", stopped(ctx, err))
	}
	return finishJudged(env, pf, dir, mem, judged{"test", rep, rep.Targets, *noFail,
		func(w io.Writer) { printScale(w, rep) }, tooFewSizes})
}

// tooFewSizes is why a perf test fitted nothing and so judged no target.
const tooFewSizes = "a fit needs three tree sizes (10, 30 and N), so --generators above 30"

func printScale(w io.Writer, r *perf.ScaleReport) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "generators\ttemplates\tindex build ms\tindex KiB\tB/template\twarm gen p50 ms\tcold gen p50 ms\thygen p50 ms\t")
	for _, p := range r.Sizes {
		cold, hy := "-", "-"
		if p.ColdGeneration != nil {
			cold = ms(p.ColdGeneration.P50)
		}
		if p.Hygen != nil {
			hy = ms(p.Hygen.P50)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%.1f\t%.0f\t%s\t%s\t%s\t\n", p.Generators, p.Templates, ms(p.IndexBuild),
			float64(p.IndexBytes)/1024, p.BytesPerTemplate, ms(p.WarmGeneration.P50), cold, hy)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nGrowth exponents, cost ∝ templates^b (95 % confidence interval):")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tb\tINTERVAL\tR²")
	for _, name := range []string{"time_index_build", "memory_index", "time_warm_generation", "time_cold_generation"} {
		if f, ok := r.Fits[name]; ok {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f … %.3f\t%.3f\n", name, f.B, f.BLow, f.BHigh, f.R2)
		}
	}
	tw.Flush()
	if len(r.Fits) == 0 {
		fmt.Fprintf(w, "  none: %s\n", tooFewSizes)
	}
	fmt.Fprintln(w)
	printTargets(w, r.Targets)
	if largest := r.Sizes[len(r.Sizes)-1]; largest.Templates < perf.ValidatedTemplates {
		fmt.Fprintf(w, "\nLargest tree: %d templates. The %d-template validation runs with --generators %d.\n",
			largest.Templates, perf.ValidatedTemplates, perf.ValidatedTemplates/(r.Spec.Actions*r.Spec.Templates))
	}
}

const analyzeUsage = `Usage: hypergen perf analyze [--json] [--html FILE]

Reads the perf history and names the bottleneck (the phase that dominates a
warm generation, and why), the cache's efficiency, memory growth (from the
latest 'perf test'), concrete recommendations, and the change of every
metric since the previous benchmark on the same tree. --html also writes
one self-contained HTML page with charts: the scalability curve (log-log,
fitted exponents), memory per template, the phase breakdown, latency
percentiles, the cache hit rate and the trend across stored runs.`

func runPerfAnalyze(env *cli.Env, args []string) int {
	fs, pf := newPerfFlags(env, "analyze", analyzeUsage)
	htmlOut := fs.String("html", "", "also write the analysis as a self-contained HTML report with charts to this file")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	if *htmlOut != "" {
		if err := checkOutputDir(env, htmlOut); err != nil {
			return usageFail(env, "analyze", "--html: "+err.Error())
		}
	}
	dir, err := pf.dir(env)
	if err != nil {
		return perfFail(env, "analyze", err)
	}
	if err := notTheHistory(*htmlOut, perf.HistoryIn(dir).Path); err != nil {
		return usageFail(env, "analyze", "--html: "+err.Error())
	}
	runs, skipped, err := perf.HistoryIn(dir).Load()
	if err != nil {
		return perfFail(env, "analyze", err)
	}
	if skipped > 0 {
		fmt.Fprintf(env.Stderr, "hypergen: warning: %d unreadable lines in the perf history were skipped\n", skipped)
	}
	a, err := perf.Analyze(runs)
	if err != nil {
		return perfFail(env, "analyze", err)
	}
	if *htmlOut != "" {
		if err := writeHTMLReport(*htmlOut, perf.ReportData(runs, a, cli.Version())); err != nil {
			return perfFail(env, "analyze", err)
		}
		fmt.Fprintf(env.Stderr, "Wrote the HTML report to %s\n", *htmlOut)
	}
	if *pf.json {
		return cli.WriteJSON(env, a)
	}
	w := env.Stdout
	fmt.Fprintf(w, "History: %d runs\nBottleneck: %s — %s\n", a.Runs, a.Bottleneck, a.Why)
	fmt.Fprintf(w, "Cache: steady-state hit rate %.2f %%, %d evictions\n", 100*a.CacheHitRate, a.CacheEvictions)
	if a.MemoryExponent != nil {
		fmt.Fprintf(w, "Memory growth: index memory ∝ templates^%.3f\n", *a.MemoryExponent)
	} else if len(perf.Latest(runs, "test", 1)) == 1 {
		fmt.Fprintln(w, "Memory growth: the last 'perf test' fitted no exponent (too few tree sizes: run it with more --generators)")
	} else {
		fmt.Fprintln(w, "Memory growth: no 'perf test' in the history yet")
	}
	fmt.Fprintln(w, "Recommendations:")
	for _, r := range a.Recommendations {
		fmt.Fprintf(w, "  - %s\n", r)
	}
	switch {
	case a.TrendNote != "":
		fmt.Fprintf(w, "Trend: %s\n", a.TrendNote)
		return cli.ExitOK
	case len(a.Trends) == 0:
		fmt.Fprintln(w, "Trend: only one benchmark so far")
		return cli.ExitOK
	}
	fmt.Fprintln(w, "Trend against the previous benchmark on the same tree (p50):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tprevious ms\tlatest ms\tchange\t")
	for _, t := range a.Trends {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%+.1f %%\t\n", t.Metric, ms(t.Previous), ms(t.Latest), 100*t.Change)
	}
	tw.Flush()
	return cli.ExitOK
}

const optimizeUsage = `Usage: hypergen perf optimize [--templates DIR] [--json]

Builds or refreshes the persistent index for the templates root a generation
here uses (the templates of .hygen.js, else $HYGEN_TMPLS, else ./_templates),
so new processes start warm, and reports how well the
index matched before and after. Entries for folders changed within the last
two seconds cannot be trusted yet (see the README); run it again later.`

func runPerfOptimize(env *cli.Env, args []string) int {
	fs, pf := newPerfFlags(env, "optimize", optimizeUsage)
	tdir := fs.String("templates", "", "templates root (default: the templates of .hygen.js, else $HYGEN_TMPLS, else ./_templates)")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	if err := cli.CheckTemplatesFlag(env, *tdir); err != nil {
		return usageFail(env, "optimize", err.Error())
	}
	// The root a generation here uses, .hygen.js's included (which
	// --templates makes moot: the project's code is not run then).
	root := generator.TemplatesRoot(env.Cwd, *tdir, env.Getenv)
	if *tdir == "" {
		var err error
		if root, err = generator.ResolveTemplates(env.Cwd, "", env.Getenv); err != nil {
			return perfFail(env, "optimize", err)
		}
	}
	if root != "" {
		root = fromCwd(env, root)
	}
	if root == "" {
		return usageFail(env, "optimize", generator.NoTemplates(env.Cwd, env.Getenv)+", or pass --templates")
	}
	if st, err := os.Stat(root); *tdir == "" && (err != nil || !st.IsDir()) {
		// --templates was checked above; this one comes from .hygen.js.
		return perfFail(env, "optimize", fmt.Errorf("the templates folder %s (.hygen.js's templates) is not a folder", root))
	}
	if v := generator.PassedOverHygenTmpls(env.Cwd, root, env.Getenv); v != "" && *tdir == "" {
		// As a generation says it: the index would be of other templates.
		fmt.Fprintf(env.Stderr, "hypergen perf optimize: warning: HYGEN_TMPLS=%q is not a folder; indexing %s, as a generation would use it\n", v, root)
	}
	dir, err := pf.dir(env)
	if err != nil {
		return perfFail(env, "optimize", err)
	}
	ctx, stop := signalContext()
	defer stop()
	rep, err := perf.Optimize(ctx, root, dir, env.Stderr)
	if err != nil {
		return perfFail(env, "optimize", stopped(ctx, err))
	}
	record(env, dir, "optimize", memlimit.Setting{}, rep)
	code := cli.ExitOK
	if left := rep.After.Missing + rep.After.Corrupt; left > 0 {
		// The index could not be written (the warnings above say why): the
		// next runs get no benefit, which a script must be able to see.
		fmt.Fprintf(env.Stderr, "hypergen perf optimize: %d of %d actions are still not indexed\n", left, rep.After.Actions)
		code = cli.ExitFail
	}
	if *pf.json {
		if c := cli.WriteJSON(env, rep); c != cli.ExitOK {
			return c
		}
		return code
	}
	w := env.Stdout
	fmt.Fprintf(w, "Templates: %s\nIndex: %s\n\n", rep.Templates, filepath.Join(rep.CacheDir, "index-v1"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tactions\tfresh\tstale\tmissing\tcorrupt\tlist all ms\t")
	for _, row := range []struct {
		name string
		s    perf.IndexState
	}{{"before", rep.Before}, {"after", rep.After}} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t\n", row.name, row.s.Actions, row.s.Fresh, row.s.Stale, row.s.Missing, row.s.Corrupt, ms(row.s.Seconds))
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d shards written.", rep.Written)
	if rep.Racy {
		fmt.Fprint(w, " Some folders changed in the last two seconds; their entries are trusted only after that — run optimize again.")
	}
	fmt.Fprintln(w, " Compiled templates are cached per process, not on disk.")
	return code
}

const exportUsage = `Usage: hypergen perf export --output FILE [--format json|html]

Writes every result in the perf history, with the environment, as one JSON
document (schema hypergen.perf.export/v1, documented in internal/perf/EXPORT.md
and internal/perf/export-schema.json in hypergen's repository), or with
--format html as the self-contained report with charts that perf analyze
--html writes.
The file is written whole or not at all. --json alone prints the document
instead; with --output, it prints what was written as JSON
({"output", "format", "runs"}).`

func runPerfExport(env *cli.Env, args []string) int {
	fs, pf := newPerfFlags(env, "export", exportUsage)
	out := fs.String("output", "", "file to write")
	format := fs.String("format", "json", "json, or html for the report with charts")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	if *format != "json" && *format != "html" {
		return usageFail(env, "export", fmt.Sprintf("--format=%q: json or html", *format))
	}
	if *out == "" && *format == "html" {
		return usageFail(env, "export", "--format html needs --output FILE: the report is a page to open, not something to print")
	}
	if *out == "" && !*pf.json {
		return usageFail(env, "export", "--output FILE is required (or --json to print)")
	}
	if *out == "-" {
		// Not a file named "-", which is what a user meaning stdout got.
		return usageFail(env, "export", "--output -: name a file (--json prints the JSON document on stdout)")
	}
	if *out != "" {
		if err := checkOutputDir(env, out); err != nil {
			return usageFail(env, "export", "--output: "+err.Error())
		}
	}
	dir, err := pf.dir(env)
	if err != nil {
		return perfFail(env, "export", err)
	}
	h := perf.HistoryIn(dir)
	if err := notTheHistory(*out, h.Path); err != nil {
		return usageFail(env, "export", "--output: "+err.Error())
	}
	runs, skipped, err := h.Load()
	if err != nil {
		return perfFail(env, "export", err)
	}
	if skipped > 0 {
		fmt.Fprintf(env.Stderr, "hypergen perf export: warning: left out %d unreadable line(s) of %s (a run cut short, or another program's writing)\n", skipped, h.Path)
	}
	if *format == "html" {
		a, err := perf.Analyze(runs)
		if err != nil {
			a = nil // a report without a benchmark still shows the scalability runs
		}
		if err := writeHTMLReport(*out, perf.ReportData(runs, a, cli.Version())); err != nil {
			return perfFail(env, "export", err)
		}
		return exported(env, *pf.json, "html", *out, len(runs))
	}
	e := &perf.Export{Schema: perf.ExportSchema, ExportedAt: time.Now().UTC(),
		Environment: perf.CurrentEnvironment(cli.Version(), memlimit.Apply(env.Getenv, "/")),
		History:     h.Path, Skipped: skipped, Runs: runs}
	if e.Runs == nil {
		e.Runs = []perf.Record{}
	}
	if *out == "" {
		return cli.WriteJSON(env, e)
	}
	raw, err := perf.EncodeExport(e)
	if err == nil {
		err = writeStoppable(*out, raw)
	}
	if err != nil {
		return perfFail(env, "export", err)
	}
	return exported(env, *pf.json, "json", *out, len(runs))
}

// exported says what perf export wrote: as JSON with --json, since a
// script asking for JSON reads stdout as JSON.
func exported(env *cli.Env, asJSON bool, format, out string, runs int) int {
	if asJSON {
		return cli.WriteJSON(env, map[string]any{"output": out, "format": format, "runs": runs})
	}
	what := ""
	if format == "html" {
		what = " as an HTML report"
	}
	fmt.Fprintf(env.Stdout, "Exported %d runs%s to %s\n", runs, what, out)
	return cli.ExitOK
}

const versionUsage = `Usage: hypergen perf version

Prints the version and build details of hypergen-perf, the executable that
runs the perf commands, the agent and the generations hypergen hands over, in
the form of 'hypergen version'. The two are meant to come from the same build:
a pair whose lines differ was installed from two different builds.`

func runPerfVersion(env *cli.Env, args []string) int {
	fs := cli.NewFlagSet(env, "perf version", versionUsage)
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	cli.PrintVersion(env, cli.PerfExecutable)
	return cli.ExitOK
}

const corpusUsage = `Usage: hypergen perf corpus --output DIR [--generators N] [--actions A] [--templates M] [--seed S]

Writes a deterministic synthetic project into DIR (which must not exist or be
empty): _templates/ with N generators × A actions × M templates, and the
inject target src/registry.ts. --json prints the generator command lines.`

func runPerfCorpus(env *cli.Env, args []string) int {
	fs, pf := newPerfFlags(env, "corpus", corpusUsage)
	out := fs.String("output", "", "folder to create")
	gens := fs.Int("generators", 10, treeLimit("generators, at least 1"))
	actions := fs.Int("actions", 2, fmt.Sprintf("actions per generator, 1 to %d", corpus.MaxActions))
	templates := fs.Int("templates", 5, "templates per action, at least 1")
	seed := fs.Uint64("seed", 1, "seed")
	if code := cli.ParseFlags(env, fs, args); code >= 0 {
		return code
	}
	if *out == "" {
		return usageFail(env, "corpus", "--output DIR is required")
	}
	spec := corpus.Spec{Generators: *gens, Actions: *actions, Templates: *templates, Seed: *seed}
	if err := spec.Validate(); err != nil {
		return usageFail(env, "corpus", err.Error())
	}
	*out = fromCwd(env, *out)
	switch file := fileOnTheWay(*out); {
	case file == *out:
		return usageFail(env, "corpus", fmt.Sprintf("--output: %s is a file; want a folder to create", *out))
	case file != "":
		return usageFail(env, "corpus", fmt.Sprintf("--output: %s is a file, not a folder", file))
	}
	if st, err := os.Stat(filepath.Dir(*out)); err != nil || !st.IsDir() {
		return usageFail(env, "corpus", fmt.Sprintf("--output: folder %s does not exist", filepath.Dir(*out)))
	}
	ctx, stop := signalContext()
	defer stop()
	t, err := corpus.Write(ctx, *out, spec)
	if err != nil {
		return perfFail(env, "corpus", stopped(ctx, err))
	}
	if *pf.json {
		return cli.WriteJSON(env, map[string]any{"dir": t.Dir, "templates": t.Templates, "bytes": t.Bytes, "commands": t.Commands})
	}
	fmt.Fprintf(env.Stdout, "Wrote %d templates (%d bytes) in %d generators to %s\n", t.Templates, t.Bytes, spec.Generators, t.Dir)
	return cli.ExitOK
}

// fromCwd resolves p against the folder perf was started in unless it is
// absolute: perf work runs commands in scratch folders, where a relative
// path names another place.
func fromCwd(env *cli.Env, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(env.Cwd, p)
}

// checkOutputDir makes *path absolute and checks that its folder exists.
func checkOutputDir(env *cli.Env, path *string) error {
	given := *path
	if strings.HasSuffix(given, "/") || strings.HasSuffix(given, string(filepath.Separator)) {
		// Joining would drop the slash and write a file of the folder's name.
		return fmt.Errorf("%s names a folder; want a file, such as %s", given, filepath.Join(given, "report"))
	}
	*path = fromCwd(env, *path)
	if st, err := os.Stat(filepath.Dir(*path)); err != nil || !st.IsDir() {
		return fmt.Errorf("folder %s does not exist", filepath.Dir(*path))
	}
	if st, err := os.Stat(*path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder; want a file, such as %s", given, filepath.Join(given, "report"))
	}
	return nil
}

// notTheHistory refuses an output file that is the perf history being
// read, by name or through a link: the report would replace the history.
func notTheHistory(out, history string) error {
	if out == "" {
		return nil
	}
	o, oerr := os.Stat(out)
	h, herr := os.Stat(history)
	if filepath.Clean(out) == filepath.Clean(history) || oerr == nil && herr == nil && os.SameFile(o, h) {
		return fmt.Errorf("%s is the perf history it reads (%s); write the report elsewhere", out, history)
	}
	return nil
}

// writeHTMLReport renders the report and replaces path with it whole.
func writeHTMLReport(path string, d report.Data) error {
	var b bytes.Buffer
	if err := report.Render(&b, d); err != nil {
		return err
	}
	return writeStoppable(path, b.Bytes())
}

// writeStoppable writes data to path whole or not at all. Ctrl-C or
// SIGTERM during the write stops it and removes the temporary, leaving
// path as it was; they are caught only while it writes, and end the
// process as usual before.
func writeStoppable(path string, data []byte) error {
	ctx, stop := signalContext()
	defer stop()
	err := atomicfile.WriteContext(ctx, path, data)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("stopped (%v); %s was not written", context.Cause(ctx), path)
	}
	return err
}
