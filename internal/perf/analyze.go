package perf

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/hypergen-dev/hypergen/budgets"
)

// Analysis is what the history says: where the time goes, how well the
// caches work, how memory grows, what to do, and how the latest runs compare
// with earlier ones.
type Analysis struct {
	Runs            int                `json:"runs"`
	Bottleneck      string             `json:"bottleneck"` // the dominant phase of a warm generation
	Why             string             `json:"why"`
	PhaseShares     map[string]float64 `json:"phase_shares"`
	CacheHitRate    float64            `json:"cache_hit_rate"`
	CacheEvictions  int64              `json:"cache_evictions"`
	MemoryExponent  *float64           `json:"memory_exponent,omitempty"`
	Recommendations []string           `json:"recommendations"`
	Trends          []Trend            `json:"trends"`
	// TrendNote says why Trends is empty though there are earlier
	// benchmarks: none ran on the latest one's tree.
	TrendNote string `json:"trend_note,omitempty"`
}

// Trend compares a metric's median in the latest run with the latest
// earlier one on the same tree (generators, actions, templates, seed):
// times on trees of other sizes say nothing of a change.
type Trend struct {
	Metric   string  `json:"metric"`
	Previous float64 `json:"previous"`
	Latest   float64 `json:"latest"`
	Change   float64 `json:"change"` // relative: +0.10 is 10 % slower
}

// Analyze reads the history. It needs at least one benchmark run.
func Analyze(runs []Record) (*Analysis, error) {
	benches := Latest(runs, "benchmark", len(runs))
	if len(benches) == 0 {
		return nil, fmt.Errorf("no benchmark in the history yet: run 'hypergen perf benchmark' first")
	}
	var latest BenchmarkReport
	if err := json.Unmarshal(benches[len(benches)-1].Report, &latest); err != nil {
		return nil, fmt.Errorf("the latest benchmark record is unreadable: %w", err)
	}
	a := &Analysis{Runs: len(runs), PhaseShares: map[string]float64{},
		CacheHitRate: latest.Cache.SteadyHitRate, CacheEvictions: latest.Cache.Evictions}
	var total float64
	for _, d := range latest.Phases {
		total += d
	}
	phases := make([]string, 0, len(latest.Phases))
	for p, d := range latest.Phases {
		phases = append(phases, p)
		if total > 0 {
			a.PhaseShares[p] = d / total
		}
	}
	sort.Slice(phases, func(i, j int) bool { return latest.Phases[phases[i]] > latest.Phases[phases[j]] })
	if len(phases) > 0 {
		a.Bottleneck = phases[0]
		a.Why = explain(phases[0], a.PhaseShares[phases[0]], latest)
	}
	if tests := Latest(runs, "test", 1); len(tests) == 1 {
		var sr ScaleReport
		if json.Unmarshal(tests[0].Report, &sr) == nil {
			if f, ok := sr.Fits["memory_index"]; ok {
				a.MemoryExponent = &f.B
			}
		}
	}
	a.Recommendations = recommend(latest, a)
	for i := len(benches) - 2; i >= 0; i-- {
		var prev BenchmarkReport
		if json.Unmarshal(benches[i].Report, &prev) != nil || prev.Corpus != latest.Corpus {
			continue
		}
		for _, m := range latest.Metrics {
			if p, ok := prev.metric(m.Name); ok && p.P50 > 0 {
				a.Trends = append(a.Trends, Trend{Metric: m.Name, Previous: p.P50, Latest: m.Summary.P50, Change: m.Summary.P50/p.P50 - 1})
			}
		}
		break
	}
	if len(a.Trends) == 0 && len(benches) > 1 {
		c := latest.Corpus
		a.TrendNote = fmt.Sprintf("no earlier benchmark ran on the latest one's tree (%d generators, %d templates, seed %d)", c.Generators, c.Templates, c.Seed)
	}
	return a, nil
}

func explain(phase string, share float64, r BenchmarkReport) string {
	pct := fmt.Sprintf("%.0f %% of a warm generation", 100*share)
	switch phase {
	case "render":
		d := r.RenderDetail
		top, topV := "", -1.0
		for _, k := range []string{"read", "frontmatter", "compile", "run"} {
			if d[k] > topV {
				top, topV = k, d[k]
			}
		}
		return fmt.Sprintf("%s; within it %s takes the most (%.0f µs per generation, summed over files)", pct, top, topV*1e6)
	case "apply":
		return pct + ": writing files and editing inject targets (file system bound)"
	case "list", "resolve":
		return pct + ": finding the action and its files"
	case "plan":
		return pct + ": reading targets and computing each operation's effect"
	}
	return pct
}

func recommend(r BenchmarkReport, a *Analysis) []string {
	var out []string
	if s, ok := r.metric("cold_generation"); ok && !budgets.ColdGeneration.Met(s.P50) {
		// perf optimize only helps a cold process that missed the index.
		switch {
		case r.Index.Misses > 0 || r.Index.Stale > 0:
			out = append(out, fmt.Sprintf("cold generations take %.1f ms (p50) and the index missed %d times: run 'hypergen perf optimize' after changing templates so new processes find a fresh index", s.P50*1e3, r.Index.Misses+r.Index.Stale))
		default:
			start := ""
			if p, ok := r.metric("process_startup"); ok {
				start = fmt.Sprintf(", of which process start-up is %.1f ms", p.P50*1e3)
			}
			out = append(out, fmt.Sprintf("cold generations take %.1f ms (p50)%s; the index already served every lookup (%d hits, 0 misses), so the cost is the process itself: keep a warm process (hypergen perf monitor with HYPERGEN_AGENT_URL) for many generations", s.P50*1e3, start, r.Index.Hits))
		}
	}
	if r.Index.Stale > 0 || r.Index.Corrupt > 0 {
		out = append(out, fmt.Sprintf("the index had %d stale and %d corrupt entries during the run: run 'hypergen perf optimize'", r.Index.Stale, r.Index.Corrupt))
	}
	if r.Cache.Evictions > 0 {
		out = append(out, fmt.Sprintf("the compiled-template cache evicted %d entries at a budget of %d bytes: raise the budget or the memory limit", r.Cache.Evictions, r.Cache.MaxCost))
	}
	if a.CacheHitRate < 0.99 {
		out = append(out, fmt.Sprintf("steady-state cache hit rate is %.1f %%: templates are rendered with changing option locals (delimiter, rmWhitespace, strict, _with) or the working set is larger than the cache", 100*a.CacheHitRate))
	}
	if a.MemoryExponent != nil && *a.MemoryExponent > 1.05 {
		out = append(out, fmt.Sprintf("index memory grows as n^%.2f, faster than linear: look for per-tree data kept per template", *a.MemoryExponent))
	}
	if d := r.RenderDetail; d["compile"] > d["run"] && a.Bottleneck == "render" {
		out = append(out, "compiling dominates rendering: keep one process alive for many generations (the compiled-template cache is per process)")
	}
	if len(out) == 0 {
		out = append(out, "no recommendation: none of the rules (index freshness, cache evictions and hit rate, memory growth, compile share) fired")
	}
	return out
}
