package perf

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/stats"
)

// ScaleOptions configures Scale.
type ScaleOptions struct {
	MaxGenerators int         // the largest tree; smaller ones are spaced about ×3 apart from 10
	Spec          corpus.Spec // Actions, Templates and Seed of every tree
	Reps          int         // timed generations per size and kind
	Binary        string      // hypergen for cold processes; "" skips them
	Hygen         []string    // hygen's command (e.g. node bin.js) for the ratio; nil skips it
	WorkDir       string
	Progress      Progress
}

// SizePoint is everything measured on one tree.
type SizePoint struct {
	Generators int     `json:"generators"`
	Templates  int     `json:"templates"`
	IndexBuild float64 `json:"index_build_seconds"` // walk, sort and write every action's shard
	// IndexBytes is the heap an in-memory index of the whole tree holds.
	IndexBytes       int64          `json:"index_bytes"`
	BytesPerTemplate float64        `json:"index_bytes_per_template"`
	WarmGeneration   stats.Summary  `json:"warm_generation"`
	ColdGeneration   *stats.Summary `json:"cold_generation,omitempty"`
	Hygen            *stats.Summary `json:"hygen_generation,omitempty"`
}

// ScaleReport is what Scale measured and fitted.
type ScaleReport struct {
	Spec    corpus.Spec          `json:"spec"`
	Sizes   []SizePoint          `json:"sizes"`
	Fits    map[string]stats.Fit `json:"fits"` // by metric: time_index_build, time_warm_generation, …, memory_index
	Targets []Target             `json:"targets"`
}

// Sizes are the trees a scale run measures: 10, 30, 100, 300 … below max,
// then max itself.
func Sizes(max int) []int {
	var out []int
	for n, step := 10, 0; n < max; step++ {
		out = append(out, n)
		if step%2 == 0 {
			n *= 3
		} else {
			n = n * 10 / 3
		}
	}
	return append(out, max)
}

// Scale measures index build time, index memory and generation time (warm
// and cold) over trees of growing size and fits each against the number of
// templates: cost ∝ templates^b. Generation should not grow with the tree
// (b ≈ 0); index time and memory should grow linearly (b ≈ 1).
func Scale(ctx context.Context, o ScaleOptions) (*ScaleReport, error) {
	if o.MaxGenerators < 1 {
		return nil, fmt.Errorf("generators must be at least 1, got %d", o.MaxGenerators)
	}
	if o.Reps < 3 {
		return nil, fmt.Errorf("repetitions must be at least 3 for a fit, got %d", o.Reps)
	}
	o.Spec = o.Spec.WithDefaults()
	sizes := Sizes(o.MaxGenerators)
	rep := &ScaleReport{Spec: o.Spec, Fits: map[string]stats.Fit{}}
	rep.Spec.Generators = o.MaxGenerators // the largest tree's
	for i, n := range sizes {
		o.Progress.report(i, len(sizes), "size %d/%d: %d generators", i+1, len(sizes), n)
		p, err := measureSize(ctx, o, n)
		if err != nil {
			return nil, fmt.Errorf("at %d generators: %w", n, err)
		}
		rep.Sizes = append(rep.Sizes, *p)
	}
	o.Progress.report(len(sizes), len(sizes), "fitting")
	rep.fit()
	rep.Targets = scaleTargets(rep)
	return rep, nil
}

func measureSize(ctx context.Context, o ScaleOptions, n int) (*SizePoint, error) {
	work, err := os.MkdirTemp(o.WorkDir, "hypergen-scale-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	spec := o.Spec
	spec.Generators = n
	b, err := newBench(ctx, work, spec)
	if err != nil {
		return nil, err
	}
	p := &SizePoint{Generators: n, Templates: b.tree.Templates}

	// Index memory: everything listed, held in memory.
	before := heapLive()
	mem := diskindex.InMemory()
	start := time.Now()
	if _, err := generator.ListGeneratorsIndexed(b.tree.Root(), mem); err != nil {
		return nil, err
	}
	p.IndexBuild = time.Since(start).Seconds()
	p.IndexBytes = max(heapLive()-before, 1)
	p.BytesPerTemplate = float64(p.IndexBytes) / float64(p.Templates)
	runtime.KeepAlive(mem)

	if _, err := b.settle(); err != nil {
		return nil, err
	}
	set := b.sample(workingSet)
	w, err := b.warmEngine(diskindex.Open(b.cache, os.Stderr))
	if err != nil {
		return nil, err
	}
	for _, cmd := range set { // warm-up
		if _, err := w.run(ctx, cmd); err != nil {
			return nil, err
		}
	}
	var warmRuns []time.Duration
	for i := range 4 * o.Reps {
		run, err := w.run(ctx, set[i%len(set)])
		if err != nil {
			return nil, err
		}
		warmRuns = append(warmRuns, run.Total)
	}
	s := summarize(warmRuns)
	p.WarmGeneration = s
	if o.Binary != "" {
		if p.ColdGeneration, err = coldSeries(ctx, b, []string{o.Binary}, set, o.Reps); err != nil {
			return nil, err
		}
	}
	if o.Hygen != nil {
		if p.Hygen, err = coldSeries(ctx, b, o.Hygen, set, o.Reps); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func coldSeries(ctx context.Context, b *bench, bin []string, set [][]string, reps int) (*stats.Summary, error) {
	var ds []time.Duration
	for i := range reps {
		d, _, err := b.coldGeneration(ctx, bin, set[i%len(set)])
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	s := summarize(ds)
	return &s, nil
}

// fit fits every metric against the number of templates: each size
// contributes its median (medians resist the odd slow run a scheduler causes).
func (r *ScaleReport) fit() {
	series := map[string]func(p SizePoint) float64{
		"time_index_build":     func(p SizePoint) float64 { return p.IndexBuild },
		"time_warm_generation": func(p SizePoint) float64 { return p.WarmGeneration.P50 },
		"memory_index":         func(p SizePoint) float64 { return float64(p.IndexBytes) },
	}
	if len(r.Sizes) > 0 && r.Sizes[0].ColdGeneration != nil {
		series["time_cold_generation"] = func(p SizePoint) float64 { return p.ColdGeneration.P50 }
	}
	for name, get := range series {
		var n, cost []float64
		for _, p := range r.Sizes {
			n = append(n, float64(p.Templates))
			cost = append(cost, get(p))
		}
		if f, err := stats.FitPowerLaw(n, cost, 0.95); err == nil {
			r.Fits[name] = f
		}
	}
}

func (r *ScaleReport) at(generators int) (SizePoint, bool) {
	for _, p := range r.Sizes {
		if p.Generators == generators {
			return p, true
		}
	}
	return SizePoint{}, false
}

// ValidatedTemplates is the tree size the README's scalability claim names;
// perf test judges it only when asked to go that far (--generators 10000 at
// 10 templates per generator), and otherwise says how far it went.
const ValidatedTemplates = 100000

func scaleTargets(r *ScaleReport) []Target {
	ts := []Target{} // [] in JSON when nothing could be judged
	// The agent's two growth budgets, from the same quantities its probes
	// measure: the time to index a whole tree, and the heap the index holds.
	for _, g := range []struct{ budget, fit string }{
		{"time_growth_exponent", "time_index_build"},
		{"memory_growth_exponent", "memory_index"},
	} {
		f, ok := r.Fits[g.fit]
		if !ok || f.Sizes < stats.MinJudgedSizes {
			continue
		}
		b := budgets.MustByName(g.budget)
		t := budgetTarget(b, f.B)
		t.Note = fmt.Sprintf("%s, 95%% CI %.3f … %.3f over %d sizes", g.fit, f.BLow, f.BHigh, f.Sizes)
		if t.Met && !b.Met(f.BHigh) {
			t.Note += fmt.Sprintf(": the interval reaches past %g", b.Limit)
		}
		ts = append(ts, t)
	}
	if p, ok := r.at(1000); ok && p.ColdGeneration != nil {
		ts = append(ts, budgetTarget(budgets.ColdGeneration, p.ColdGeneration.P50))
		if p.Hygen != nil {
			ts = append(ts, budgetTarget(budgets.HygenSpeedup, p.Hygen.P50/p.ColdGeneration.P50))
		}
	}
	if largest := r.Sizes[len(r.Sizes)-1]; largest.Templates >= ValidatedTemplates {
		ts = append(ts, Target{Name: "largest tree validated", Want: fmt.Sprintf(">= %d templates", ValidatedTemplates),
			Value: float64(largest.Templates), Unit: "templates", Met: true})
	}
	return ts
}
