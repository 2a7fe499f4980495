package agent

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/internal/diskindex"
	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/stats"
)

// probeSeed fixes the synthetic trees, so probes compare like with like
// across runs and agents.
const probeSeed = 20261128

// probeTemplatesPerGenerator is the shape of a probe tree: 2 actions of 5
// templates per generator.
const probeActions, probeTemplates = 2, 5

// keepPoints is how many recent probes per size feed the fits.
const keepPoints = 5

// probeAll probes every size, then refits the growth exponents.
func (a *Agent) probeAll(ctx context.Context) {
	for _, size := range a.cfg.ProbeSizes {
		if ctx.Err() != nil {
			return
		}
		start := time.Now()
		res, err := a.probe(ctx, size)
		if err != nil {
			if ctx.Err() != nil {
				return // shutting down: the probe was cut short, nothing failed
			}
			a.cfg.Logger.Error("probe failed", "generators", size, "err", err)
			continue
		}
		a.cfg.Logger.Debug("probe", "generators", size, "templates", res.Templates, "seconds", res.Seconds, "heap_bytes", res.HeapBytes)
		// Keep to the CPU share: a step that took d is followed by a pause
		// of d·(1/share − 1).
		pause := time.Duration(float64(time.Since(start)) * (1/a.cfg.ProbeCPUShare - 1))
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
	}
	a.refit()
	a.markWarm()
}

// markWarm records the cache totals after the first probe round: later
// lookups are the steady state the cache_hit_ratio budget is about.
func (a *Agent) markWarm() {
	h, m := a.cacheTotals()
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.cacheWarm {
		a.cacheBase, a.cacheWarm = [2]int64{h, m}, true
	}
}

// probe measures one size: index the whole synthetic tree in memory and
// run one generation in it, timing both, and measuring the heap the index
// holds: the quantities perf test fits, so memory_growth_exponent means one
// thing wherever it is judged. (A listing alone kept a few kilobytes,
// which the fit could not tell from noise.)
func (a *Agent) probe(ctx context.Context, size int) (ProbeResult, error) {
	tree, err := a.probeTree(ctx, size)
	if err != nil {
		return ProbeResult{}, err
	}
	eng := a.probeEngine(size, tree.Dir)

	ctx, span := a.tel.Tracer().Start(ctx, "hypergen.probe",
		trace.WithAttributes(attribute.String(catalog.AttrProbeSize, fmt.Sprint(size))))
	defer span.End()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	idx := diskindex.InMemory()
	if _, err := generator.ListGeneratorsIndexedContext(ctx, filepath.Join(tree.Dir, "_templates"), idx); err != nil {
		return ProbeResult{}, err
	}
	if _, err := eng.Run(ctx, tree.Commands[0]); err != nil {
		return ProbeResult{}, fmt.Errorf("probe generation %v: %w", tree.Commands[0], err)
	}
	d := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(idx)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	heap = max(heap, 0)

	res := ProbeResult{Generators: size, Templates: tree.Templates, Seconds: d.Seconds(), HeapBytes: heap, At: time.Now()}
	span.SetAttributes(attribute.Int(catalog.AttrFiles, tree.Templates))
	a.tel.RecordProbe(ctx, size, tree.Templates, d, heap)
	a.mu.Lock()
	a.points[size] = append(a.points[size], res)
	if len(a.points[size]) > keepPoints {
		a.points[size] = a.points[size][1:]
	}
	a.setLatestProbeLocked(res)
	a.mu.Unlock()
	return res, nil
}

func (a *Agent) setLatestProbeLocked(res ProbeResult) {
	for i, p := range a.probes {
		if p.Generators == res.Generators {
			a.probes[i] = res
			return
		}
	}
	a.probes = append(a.probes, res)
}

// probeTree writes the synthetic tree of a size once and keeps it.
func (a *Agent) probeTree(ctx context.Context, size int) (*corpus.Tree, error) {
	a.mu.Lock()
	tree := a.trees[size]
	a.mu.Unlock()
	if tree != nil {
		return tree, nil
	}
	dir := filepath.Join(a.probeDir, fmt.Sprintf("g%05d", size))
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	spec := corpus.Spec{Generators: size, Actions: probeActions, Templates: probeTemplates, Seed: probeSeed}
	tree, err := corpus.Write(ctx, dir, spec)
	if err != nil {
		return nil, fmt.Errorf("writing the probe tree: %w", err)
	}
	a.mu.Lock()
	a.trees[size] = tree
	a.mu.Unlock()
	return tree, nil
}

// probeEngine keeps one warm engine per probe tree, as a sidecar would keep
// its engine warm between requests.
func (a *Agent) probeEngine(size int, dir string) *generator.Engine {
	a.mu.Lock()
	defer a.mu.Unlock()
	if e, ok := a.probeEngs[size]; ok {
		return e
	}
	e := generator.New(generator.Config{
		Cwd: dir, Stdout: io.Discard, Observer: a.obs, Fsync: !a.cfg.NoFsync, NoFsync: a.cfg.NoFsync,
		Getenv: func(k string) string {
			if k == "HYGEN_OVERWRITE" {
				return "1" // every probe writes the same files again
			}
			return ""
		},
	})
	a.probeEngs[size] = e
	return e
}

// refit fits time and memory against the number of templates.
func (a *Agent) refit() {
	a.mu.Lock()
	var n, secs, heap []float64
	for _, pts := range a.points {
		for _, p := range pts {
			n = append(n, float64(p.Templates))
			secs = append(secs, p.Seconds)
			heap = append(heap, float64(max(p.HeapBytes, 1)))
		}
	}
	a.mu.Unlock()
	for resource, cost := range map[string][]float64{"time": secs, "memory": heap} {
		fit, err := stats.FitPowerLaw(n, cost, 0.95)
		if err != nil {
			continue // fewer than two sizes so far
		}
		a.mu.Lock()
		a.fits[resource] = &Fit{A: fit.A, B: fit.B, BLow: fit.BLow, BHigh: fit.BHigh, Level: fit.Level, R2: fit.R2, Points: fit.Points, Sizes: fit.Sizes}
		a.mu.Unlock()
		a.tel.SetExponent(resource, fit.B, fit.BLow, fit.BHigh)
	}
}
