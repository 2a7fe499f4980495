package agent

import (
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/hypergen-dev/hypergen/internal/report"
)

// trendPoint is the generation p95 at one moment.
type trendPoint struct {
	at  time.Time
	p95 float64
}

const keepTrend = 240

func (a *Agent) recordTrend() {
	v, ok := a.runs.quantile(0.95)
	if !ok {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.trend = append(a.trend, trendPoint{time.Now(), v})
	if len(a.trend) > keepTrend {
		a.trend = a.trend[1:]
	}
}

// pageRefresh is how often the live page reloads itself.
const pageRefresh = 15 * time.Second

// handlePage serves the live performance page at /.
func (a *Agent) handlePage(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := report.Render(w, a.PageData()); err != nil {
		a.cfg.Logger.Warn("rendering the status page", "err", err)
	}
}

// PageData is the live page's content, from the agent's own measurements.
func (a *Agent) PageData() report.Data {
	st := a.Status()
	d := report.Data{
		Title:     "hypergen agent",
		Subtitle:  fmt.Sprintf("%s · templates %s", st.Version, st.Index.Templates),
		Generated: time.Now(), Refresh: pageRefresh, Healthy: &st.Healthy,
	}
	for _, t := range st.Targets {
		d.Budgets = append(d.Budgets, report.Budget{Name: t.Name, Unit: t.Unit, Limit: t.Limit,
			AtLeast: t.Direction == "at_least", Value: t.Value, Met: t.Met})
	}

	a.mu.Lock()
	var timeS, memS report.Series
	timeS.Name, memS.Name = "probe: index + one generation", "probe: heap per template"
	sizes := make([]int, 0, len(a.points))
	for s := range a.points {
		sizes = append(sizes, s)
	}
	sort.Ints(sizes)
	for _, s := range sizes {
		for _, p := range a.points[s] {
			timeS.Points = append(timeS.Points, report.Point{X: float64(p.Templates), Y: p.Seconds})
			if p.Templates > 0 {
				memS.Points = append(memS.Points, report.Point{X: float64(p.Templates), Y: float64(p.HeapBytes) / float64(p.Templates)})
			}
		}
	}
	if f := a.fits["time"]; f != nil {
		d.Fits = append(d.Fits, report.Fit{Series: timeS.Name, A: f.A, B: f.B, BLow: f.BLow, BHigh: f.BHigh, Level: f.Level, Points: f.Points})
	}
	trend := report.Series{Name: "generation p95"}
	for _, t := range a.trend {
		trend.Points = append(trend.Points, report.Point{X: float64(t.at.UnixMilli()) / 1000, Y: t.p95})
	}
	a.mu.Unlock()
	d.PhasesTitle = "Start-up phases (median)"
	d.Scalability = []report.Series{timeS}
	d.MemoryPerTemplate = []report.Series{memS}
	d.Trend, d.TrendUnit, d.TrendTitle = []report.Series{trend}, "s", "Generation p95 over time"

	ops := a.obs.ops.snapshot()
	names := make([]string, 0, len(ops))
	for k := range ops {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, op := range names {
		w := ops[op]
		p50, ok := w.quantile(0.5)
		if !ok {
			continue
		}
		p95, _ := w.quantile(0.95)
		p99, _ := w.quantile(0.99)
		d.Latencies = append(d.Latencies, report.Latency{Operation: op, P50: p50, P95: p95, P99: p99})
		if op == "resolve" || op == "list" {
			d.Phases = append(d.Phases, report.Bar{Label: op, Value: p50})
		}
	}
	for _, t := range st.Targets {
		if t.Name == "cache_hit_ratio" && t.Value != nil {
			v := *t.Value
			d.CacheHitRatio = &v
		}
	}
	d.Findings, d.Recommendations = findings(st, d.Latencies)
	d.Facts = [][2]string{
		{"generators", fmt.Sprint(st.Index.Generators)}, {"actions", fmt.Sprint(st.Index.Actions)},
		{"template files", fmt.Sprint(st.Index.Files)}, {"indexed at", st.Index.IndexedAt.UTC().Format(time.RFC3339)},
		{"uptime", (time.Duration(st.Uptime) * time.Second).String()},
	}
	return d
}

// findings names the dominant phase of a warm generation and turns missed
// budgets into advice.
func findings(st Status, lats []report.Latency) (found, advice []string) {
	var run float64
	phases := map[string]float64{}
	for _, l := range lats {
		switch l.Operation {
		case "run":
			run = l.P50
		case "resolve", "list", "render", "plan", "apply":
			phases[l.Operation] = l.P50
		}
	}
	if run > 0 && len(phases) > 0 {
		top, topV := "", 0.0
		for p, v := range phases {
			if v > topV {
				top, topV = p, v
			}
		}
		found = append(found, fmt.Sprintf("The %s phase dominates a warm generation: %s of a median %s run (%.0f %%).",
			top, report.Seconds(topV), report.Seconds(run), 100*topV/run))
	}
	for _, t := range st.Targets {
		if t.Met == nil || *t.Met {
			continue
		}
		found = append(found, fmt.Sprintf("Budget %s is missed.", t.Name))
		switch t.Name {
		case "cache_hit_ratio":
			advice = append(advice, "The compiled-template cache is cold or too small: run `hypergen perf optimize` and keep the agent warm; give the cache more memory if it evicts.")
		case "time_growth_exponent", "memory_growth_exponent":
			advice = append(advice, "Cost grows faster than linearly with the number of templates: check for work done over the whole tree per generation (listing, reading) and keep the persistent index enabled.")
		case "resolution_p99":
			advice = append(advice, "Resolution (finding the action and its files) is slow: keep templates on local disk, avoid very deep .hygenignore trees, and use the persistent index.")
		case "generation_p95":
			advice = append(advice, "Generation is slow: see which phase dominates above; shell commands (sh:) often do.")
		}
	}
	if len(found) == 0 {
		found = append(found, "No measurements yet: the first probes run at start-up.")
	}
	return found, advice
}
