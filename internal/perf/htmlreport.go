package perf

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/internal/report"
)

// ReportData turns the history and its analysis into the HTML report's
// content: the latest scalability test, the latest benchmark, and the
// benchmarks over time.
func ReportData(runs []Record, a *Analysis, version string) report.Data {
	d := report.Data{
		Title:     "hypergen performance report",
		Subtitle:  fmt.Sprintf("hypergen %s · %d stored runs", version, len(runs)),
		Generated: time.Now(),
	}
	if tests := Latest(runs, "test", 1); len(tests) == 1 {
		var sr ScaleReport
		if json.Unmarshal(tests[0].Report, &sr) == nil {
			addScale(&d, sr)
		}
	}
	benches := Latest(runs, "benchmark", len(runs))
	if len(benches) > 0 {
		var br BenchmarkReport
		if json.Unmarshal(benches[len(benches)-1].Report, &br) == nil {
			addBenchmark(&d, br)
		}
	}
	addTrend(&d, benches)
	if a != nil {
		if a.Bottleneck != "" {
			d.Findings = append(d.Findings, fmt.Sprintf("Bottleneck: the %s phase — %s", a.Bottleneck, a.Why))
		}
		d.Findings = append(d.Findings, fmt.Sprintf("Compiled-template cache: %.2f %% steady-state hit rate, %d evictions.",
			100*a.CacheHitRate, a.CacheEvictions))
		if a.MemoryExponent != nil {
			d.Findings = append(d.Findings, fmt.Sprintf("Index memory grows as templates^%.3f.", *a.MemoryExponent))
		}
		for _, t := range a.Trends {
			d.Findings = append(d.Findings, fmt.Sprintf("%s: %s → %s (%+.1f %%) against the previous benchmark.",
				t.Metric, report.Seconds(t.Previous), report.Seconds(t.Latest), 100*t.Change))
		}
		d.Recommendations = a.Recommendations
	}
	if len(runs) > 0 {
		env := runs[len(runs)-1].Env
		raw, _ := json.Marshal(env)
		var m map[string]any
		if json.Unmarshal(raw, &m) == nil {
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				d.Facts = append(d.Facts, [2]string{k, factValue(m[k])})
			}
		}
	}
	return d
}

func addScale(d *report.Data, sr ScaleReport) {
	warm := report.Series{Name: "warm generation (p50)"}
	cold := report.Series{Name: "cold generation (p50)"}
	index := report.Series{Name: "index build"}
	mem := report.Series{Name: "index bytes per template"}
	for _, p := range sr.Sizes {
		n := float64(p.Templates)
		warm.Points = append(warm.Points, report.Point{X: n, Y: p.WarmGeneration.P50})
		if p.ColdGeneration != nil {
			cold.Points = append(cold.Points, report.Point{X: n, Y: p.ColdGeneration.P50})
		}
		index.Points = append(index.Points, report.Point{X: n, Y: p.IndexBuild})
		mem.Points = append(mem.Points, report.Point{X: n, Y: p.BytesPerTemplate})
	}
	d.Scalability = []report.Series{index, warm, cold}
	for name, series := range map[string]string{"time_index_build": index.Name, "time_warm_generation": warm.Name,
		"time_cold_generation": cold.Name} {
		if f, ok := sr.Fits[name]; ok {
			d.Fits = append(d.Fits, report.Fit{Series: series, A: f.A, B: f.B, BLow: f.BLow, BHigh: f.BHigh, Level: f.Level, Points: f.Points})
		}
	}
	sort.Slice(d.Fits, func(i, j int) bool { return d.Fits[i].Series < d.Fits[j].Series })
	d.MemoryPerTemplate = []report.Series{mem}
	addTargets(d, sr.Targets)
}

func addBenchmark(d *report.Data, br BenchmarkReport) {
	for _, m := range br.Metrics {
		if m.Unit != "s" {
			continue
		}
		d.Latencies = append(d.Latencies, report.Latency{Operation: m.Name, P50: m.Summary.P50, P95: m.Summary.P95, P99: m.Summary.P99})
	}
	phases := make([]string, 0, len(br.Phases))
	for p := range br.Phases {
		phases = append(phases, p)
	}
	sort.Strings(phases)
	for _, p := range phases {
		d.Phases = append(d.Phases, report.Bar{Label: p, Value: br.Phases[p]})
	}
	d.PhasesTitle = "Phases of a warm generation (mean)"
	hit := br.Cache.SteadyHitRate
	d.CacheHitRatio = &hit
	addTargets(d, br.Targets)
}

func addTargets(d *report.Data, ts []Target) {
	for _, t := range ts {
		v, met := t.Value, t.Met
		b := report.Budget{Name: t.Name, Unit: t.Unit, Value: &v, Met: &met, LimitText: t.Want}
		if bg, ok := budgets.ByName(t.Name); ok {
			// In the budget's own unit, as the charts plot it (the cache
			// chart drew its budget line at 0 without it).
			b.Limit, b.AtLeast = bg.Limit, bg.Direction == budgets.AtLeast
		}
		d.Budgets = append(d.Budgets, b)
	}
}

// addTrend plots each benchmark's warm generation and cold generation p50
// over time.
func addTrend(d *report.Data, benches []Record) {
	series := map[string]*report.Series{}
	var order []string
	for _, r := range benches {
		var br BenchmarkReport
		if json.Unmarshal(r.Report, &br) != nil {
			continue
		}
		for _, m := range br.Metrics {
			if m.Name != "generation" && m.Name != "cold_generation" {
				continue
			}
			s := series[m.Name]
			if s == nil {
				s = &report.Series{Name: m.Name + " p50"}
				series[m.Name] = s
				order = append(order, m.Name)
			}
			s.Points = append(s.Points, report.Point{X: float64(r.Time.Unix()), Y: m.Summary.P50})
		}
	}
	for _, name := range order {
		d.Trend = append(d.Trend, *series[name])
	}
	d.TrendUnit = "s"
}

// factValue prints an environment value for people: a nested object as
// "key value, key value" (its zero and empty fields left out, "none" if that
// leaves nothing), instead of Go's map[...] syntax.
func factValue(v any) string {
	m, ok := v.(map[string]any)
	if f, isNum := v.(float64); isNum {
		return strconv.FormatFloat(f, 'f', -1, 64) // 1073741824, not 1.073741824e+09
	}
	if !ok {
		return fmt.Sprint(v)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		switch x := m[k]; x {
		case nil, "", 0.0, false, "none":
		default:
			parts = append(parts, strings.ReplaceAll(k, "_", " ")+" "+factValue(x))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
