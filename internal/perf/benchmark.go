package perf

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hypergen-dev/hypergen/budgets"

	"github.com/hypergen-dev/hypergen/internal/costcache"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/memgov"
	"github.com/hypergen-dev/hypergen/internal/perf/memlimit"
	"github.com/hypergen-dev/hypergen/internal/perf/profile"
	"github.com/hypergen-dev/hypergen/internal/perf/stats"
)

// BenchmarkOptions configures Benchmark.
type BenchmarkOptions struct {
	Iterations int         // timed runs of each kind (at least 1)
	Corpus     corpus.Spec // the synthetic tree to generate from
	// Binary is a hypergen executable for the cold-process measurements;
	// empty skips them.
	Binary string
	// Baseline is started alternately with `hypergen version` for the
	// process start-up ratio; nil skips it (and the ratio).
	Baseline *Baseline
	WorkDir  string // parent of the scratch folder; "" is the system's
	Progress Progress
	Memory   memlimit.Setting // the limit in force, for the cache governor
}

// Metric is one timed quantity, in seconds unless Unit says otherwise.
type Metric struct {
	Name    string        `json:"name"`
	Unit    string        `json:"unit"`
	About   string        `json:"about"`
	Summary stats.Summary `json:"summary"`
}

// Target is a goal and whether this run met it.
type Target struct {
	Name  string  `json:"name"`
	Want  string  `json:"want"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Met   bool    `json:"met"`
	Note  string  `json:"note,omitempty"`
}

// CorpusInfo names the tree a result was measured on.
type CorpusInfo struct {
	Generators int    `json:"generators"`
	Actions    int    `json:"actions_per_generator"`
	Templates  int    `json:"templates"`
	Seed       uint64 `json:"seed"`
}

func corpusInfo(t *corpus.Tree) CorpusInfo {
	return CorpusInfo{Generators: t.Spec.Generators, Actions: t.Spec.Actions, Templates: t.Templates, Seed: t.Spec.Seed}
}

// BenchmarkReport is what Benchmark measured.
type BenchmarkReport struct {
	Corpus     CorpusInfo `json:"corpus"`
	Iterations int        `json:"iterations"`
	Metrics    []Metric   `json:"metrics"`
	// Phases is the mean time of each phase of a warm generation, seconds.
	Phases map[string]float64 `json:"phases"`
	// RenderDetail splits the render phase (means, summed over files).
	RenderDetail map[string]float64 `json:"render_detail"`
	Cache        CacheReport        `json:"cache"`
	Index        diskindex.Stats    `json:"index"`
	Memory       MemoryReport       `json:"memory"`
	// StartupBaseline is what process_startup_baseline started.
	StartupBaseline *Baseline `json:"startup_baseline,omitempty"`
	// StartupRatio is process_startup's median over
	// process_startup_baseline's (0 without a baseline).
	StartupRatio float64  `json:"startup_ratio,omitempty"`
	Targets      []Target `json:"targets"`
}

// CacheReport is the compiled-template cache's efficiency.
type CacheReport struct {
	costcache.Stats
	HitRate       float64 `json:"hit_rate"`        // over every lookup
	SteadyHitRate float64 `json:"steady_hit_rate"` // after the warm-up pass
}

// MemoryReport is what the runs held.
type MemoryReport struct {
	HeapLiveBytes    int64 `json:"heap_live_bytes"`    // this process after the warm runs
	ColdMaxRSSBytes  int64 `json:"cold_max_rss_bytes"` // largest peak of a cold process
	GovernorShrunk   int64 `json:"governor_shrunk_bytes"`
	MemoryLimitBytes int64 `json:"memory_limit_bytes"`
}

// workingSet is how many different actions the warm runs cycle through.
const workingSet = 10

// Benchmark writes a synthetic tree and measures, in this order: template
// resolution, rendering and full generation in a warm process, then process
// start-up (`hypergen version`, alternating with the baseline) and full
// generations in cold processes with the persistent index built.
func Benchmark(ctx context.Context, o BenchmarkOptions) (*BenchmarkReport, error) {
	if o.Iterations < 1 {
		return nil, fmt.Errorf("iterations must be at least 1, got %d", o.Iterations)
	}
	work, err := os.MkdirTemp(o.WorkDir, "hypergen-perf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	// The index, the warm-up and a step per iteration of each measurement:
	// the last one reaches steps, which clears the progress line.
	steps := 2 + o.Iterations
	if o.Binary != "" {
		steps += 2 * o.Iterations
		if o.Baseline != nil {
			steps += o.Iterations
		}
	}
	step := 0
	o.Progress.report(step, steps, "writing a %d-generator tree", o.Corpus.Generators)
	b, err := newBench(ctx, work, o.Corpus)
	if err != nil {
		return nil, err
	}
	rep := &BenchmarkReport{Corpus: corpusInfo(b.tree), Iterations: o.Iterations,
		Phases: map[string]float64{}, RenderDetail: map[string]float64{}}

	step++
	o.Progress.report(step, steps, "building the persistent index")
	if _, err := b.settle(); err != nil {
		return nil, err
	}
	// Warm process: one warm-up pass over the working set, then timed runs.
	idx := diskindex.Open(b.cache, os.Stderr)
	w, err := b.warmEngine(idx)
	if err != nil {
		return nil, err
	}
	gov := &memgov.Governor{Limit: o.Memory.Limit, Threshold: 0.8}
	gov.Register(w.e.TemplateCache().Shrink)
	set := b.sample(workingSet)
	step++
	o.Progress.report(step, steps, "warming up on %d actions", len(set))
	for _, cmd := range set {
		if _, err := w.run(ctx, cmd); err != nil {
			return nil, err
		}
	}
	warmed := w.e.TemplateCache().Stats()
	var resolution, render, generation []time.Duration
	var detail profile.Run
	for i := range o.Iterations {
		run, err := w.run(ctx, set[i%len(set)])
		if err != nil {
			return nil, err
		}
		resolution = append(resolution, run.Phases["resolve"]+run.Phases["list"])
		render = append(render, run.Phases["render"])
		generation = append(generation, run.Total)
		for p, d := range run.Phases {
			rep.Phases[p] += d.Seconds() / float64(o.Iterations)
		}
		detail.Read += run.Read
		detail.Parse += run.Parse
		detail.Compile += run.Compile
		detail.Render += run.Render
		gov.Check()
		step++
		o.Progress.report(step, steps, "warm generation %d/%d", i+1, o.Iterations)
	}
	delete(rep.Phases, "setup")
	n := float64(o.Iterations)
	rep.RenderDetail = map[string]float64{"read": detail.Read.Seconds() / n, "frontmatter": detail.Parse.Seconds() / n,
		"compile": detail.Compile.Seconds() / n, "run": detail.Render.Seconds() / n}
	cs := w.e.TemplateCache().Stats()
	rep.Cache = CacheReport{Stats: cs, HitRate: cs.HitRate(),
		SteadyHitRate: costcache.Stats{Hits: cs.Hits - warmed.Hits, Misses: cs.Misses - warmed.Misses}.HitRate()}
	rep.Memory = MemoryReport{HeapLiveBytes: heapLive(), GovernorShrunk: gov.Shrunk, MemoryLimitBytes: o.Memory.Limit}
	rep.Metrics = append(rep.Metrics,
		Metric{"resolution", "s", "resolution, warm process: find the templates root and action, list its files (resolve + list phases)", summarize(resolution)},
		Metric{"render", "s", "warm process: parse frontmatter, compile (cached) and render every file of the action", summarize(render)},
		Metric{"generation", "s", "generation, warm process: one whole run, writes and inject included", summarize(generation)},
	)

	if o.Binary != "" {
		var startup, baseline, cold []time.Duration
		// Alternating the two processes makes a burst of load slow both.
		for i := range o.Iterations {
			d, _, err := b.coldRun(ctx, []string{o.Binary}, []string{"version"})
			if err != nil {
				return nil, err
			}
			startup = append(startup, d)
			step++
			o.Progress.report(step, steps, "process start-up %d/%d", i+1, o.Iterations)
			if o.Baseline == nil {
				continue
			}
			if d, _, err = b.coldRun(ctx, o.Baseline.Command, nil, o.Baseline.Env...); err != nil {
				return nil, fmt.Errorf("the hello-world baseline: %w", err)
			}
			baseline = append(baseline, d)
			step++
			o.Progress.report(step, steps, "hello-world start-up %d/%d", i+1, o.Iterations)
		}
		for i := range o.Iterations {
			d, rss, err := b.coldGeneration(ctx, []string{o.Binary}, set[i%len(set)])
			if err != nil {
				return nil, err
			}
			cold = append(cold, d)
			rep.Memory.ColdMaxRSSBytes = max(rep.Memory.ColdMaxRSSBytes, rss)
			step++
			o.Progress.report(step, steps, "cold generation %d/%d", i+1, o.Iterations)
		}
		procs := []Metric{
			{"process_startup", "s", "process start-up: a new process running `hypergen version` (exec to main, one line printed, exit)", summarize(startup)},
		}
		if o.Baseline != nil {
			base := summarize(baseline)
			procs = append(procs, Metric{"process_startup_baseline", "s", "process start-up of the baseline: " + o.Baseline.Source, base})
			rep.StartupBaseline = o.Baseline
			rep.StartupRatio = procs[0].Summary.P50 / base.P50
		}
		procs = append(procs, Metric{"cold_generation", "s", "cold process with the persistent index: one full generation, wall time", summarize(cold)})
		rep.Metrics = append(procs, rep.Metrics...)
	}
	rep.Index = idx.Stats()
	rep.Targets = benchmarkTargets(rep)
	return rep, nil
}

func (r *BenchmarkReport) metric(name string) (stats.Summary, bool) {
	for _, m := range r.Metrics {
		if m.Name == name {
			return m.Summary, true
		}
	}
	return stats.Summary{}, false
}

// benchmarkTargets judges the run against the budgets (package budgets, the
// list the agent and the alert rules use too); the cold-generation budget is
// stated for 1,000 generators, and a run on another size says so.
func benchmarkTargets(r *BenchmarkReport) []Target {
	var ts []Target
	if s, ok := r.metric("cold_generation"); ok {
		t := budgetTarget(budgets.ColdGeneration, s.P50)
		if r.Corpus.Generators != 1000 {
			t.Note = fmt.Sprintf("measured at %d generators", r.Corpus.Generators)
		}
		ts = append(ts, t)
	}
	if base, ok := r.metric("process_startup_baseline"); ok && !r.StartupBaseline.StandIn {
		s, _ := r.metric("process_startup")
		t := budgetTarget(budgets.ProcessStartup, r.StartupRatio)
		t.Note = fmt.Sprintf("p50 %.2f ms ÷ hello-world %.2f ms", s.P50*1e3, base.P50*1e3)
		ts = append(ts, t)
	}
	if s, ok := r.metric("generation"); ok {
		ts = append(ts, budgetTarget(budgets.MustByName("generation_p95"), s.P95))
	}
	if s, ok := r.metric("resolution"); ok {
		ts = append(ts, budgetTarget(budgets.MustByName("resolution_p99"), s.P99))
	}
	ts = append(ts, budgetTarget(budgets.MustByName("cache_hit_ratio"), r.Cache.SteadyHitRate))
	return ts
}

// budgetTarget judges v (in the budget's unit) against b, in units people
// read: milliseconds for times, percent for ratios.
func budgetTarget(b budgets.Budget, v float64) Target {
	op := "<="
	if b.Direction == budgets.AtLeast {
		op = ">="
	}
	t := Target{Name: b.Name, Value: v, Unit: b.Unit, Met: b.Met(v)}
	switch b.Unit {
	case "s":
		t.Value, t.Unit = v*1e3, "ms"
		t.Want = fmt.Sprintf("%s %g ms", op, b.Limit*1e3)
	case "ratio":
		t.Value, t.Unit = v*100, "%"
		t.Want = fmt.Sprintf("%s %g %%", op, b.Limit*100)
	case "×":
		t.Want = fmt.Sprintf("%s %g×", op, b.Limit)
	default:
		t.Want = fmt.Sprintf("%s %g", op, b.Limit)
	}
	return t
}
