package agent

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/perf/stats"

	"github.com/hypergen-dev/hypergen/budgets"
)

// Status is what /status serves and `hypergen perf status` prints.
type Status struct {
	// Healthy: every measured budget is met, the templates folder, if
	// there is or was one, could be indexed, no generation is stuck
	// (Stuck), and the agent has not been shut down.
	Healthy bool `json:"healthy"`
	// Ready: what /readyz answers (started, a templates folder, nothing
	// stuck).
	Ready   bool            `json:"ready"`
	Stuck   string          `json:"stuck,omitempty"` // a generation whose JavaScript cannot be stopped
	Version string          `json:"version"`
	Uptime  float64         `json:"uptime_seconds"`
	Targets []TargetStatus  `json:"targets"`
	Index   IndexStatus     `json:"index"`
	Probes  []ProbeResult   `json:"probes,omitempty"`
	Fits    map[string]*Fit `json:"fits,omitempty"` // "time", "memory"
}

// Fit is a growth exponent fitted across probe sizes: cost ≈ e^A · n^B over
// n templates, with B's confidence interval at Level.
type Fit struct {
	A      float64 `json:"a"`
	B      float64 `json:"b"`
	BLow   float64 `json:"b_low"`
	BHigh  float64 `json:"b_high"`
	Level  float64 `json:"level"`
	R2     float64 `json:"r2"`
	Points int     `json:"points"`
	Sizes  int     `json:"sizes"` // distinct tree sizes among the points
}

// TargetStatus is one budget with its latest value. Value and Met are absent
// until there is something to measure.
type TargetStatus struct {
	budgets.Budget
	Value *float64 `json:"value,omitempty"`
	Met   *bool    `json:"met,omitempty"`
	// Reason says why a missed budget is missed, as far as the agent can
	// tell (the dominant phase, an overloaded machine, cache misses).
	Reason string `json:"reason,omitempty"`
}

// IndexStatus describes the agent's view of the templates.
type IndexStatus struct {
	Templates  string    `json:"templates"`
	Generators int       `json:"generators"`
	Actions    int       `json:"actions"`
	Files      int       `json:"files"`
	IndexedAt  time.Time `json:"indexed_at"`
	Error      string    `json:"error,omitempty"`
}

// ProbeResult is one probe of one tree size.
type ProbeResult struct {
	Generators int       `json:"generators"`
	Templates  int       `json:"templates"`
	Seconds    float64   `json:"seconds"`
	HeapBytes  int64     `json:"heap_bytes"`
	At         time.Time `json:"at"`
}

// measure returns a budget's current value, if the agent has one.
func (a *Agent) measure(b budgets.Budget) (float64, bool) {
	switch b.Name {
	case "generation_p95":
		return a.runs.quantile(0.95)
	case "resolution_p99":
		return a.resolution.quantile(0.99)
	case "cache_hit_ratio":
		// Steady state: lookups since the first probe round, whose misses
		// are the unavoidable first compilations.
		a.mu.Lock()
		base, warm := a.cacheBase, a.cacheWarm
		a.mu.Unlock()
		if !warm {
			return 0, false
		}
		hits, misses := a.cacheTotals()
		hits, misses = hits-base[0], misses-base[1]
		if hits+misses == 0 {
			return 0, false
		}
		return float64(hits) / float64(hits+misses), true
	case "time_growth_exponent", "memory_growth_exponent":
		a.mu.Lock()
		defer a.mu.Unlock()
		key := "time"
		if b.Name == "memory_growth_exponent" {
			key = "memory"
		}
		if f := a.fits[key]; f != nil && f.Sizes >= stats.MinJudgedSizes {
			return f.B, true
		}
	}
	return 0, false
}

// cacheTotals sums the compiled-template cache lookups of every engine.
func (a *Agent) cacheTotals() (hits, misses int64) {
	for _, e := range a.engines() {
		h, m := e.CacheStats()
		hits, misses = hits+h, misses+m
	}
	return hits, misses
}

// evaluate judges every budget, publishes the results as metrics and
// returns them.
func (a *Agent) evaluate() []TargetStatus {
	out := make([]TargetStatus, 0, len(budgets.Budgets))
	for _, b := range budgets.Budgets {
		ts := TargetStatus{Budget: b}
		if v, ok := a.measure(b); ok {
			met := b.Met(v)
			ts.Value, ts.Met = &v, &met
			a.tel.SetTarget(b.Name, v, met)
			if !met {
				ts.Reason = a.reason(b)
			}
		}
		out = append(out, ts)
	}
	return out
}

// Status reports the agent's current state.
func (a *Agent) Status() Status {
	targets := a.evaluate()
	healthy := true
	for _, t := range targets {
		if t.Met != nil && !*t.Met {
			healthy = false
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	// An agent that never had a templates folder (one that only relays CLI
	// runs) is not ready, as /readyz says, but not unhealthy. A folder that
	// cannot be indexed, or that was indexed and has gone, makes it
	// unhealthy: it cannot generate.
	if a.index.Error != "" && (a.templatesRoot() != "" || a.hadTemplates) {
		healthy = false
	}
	var stuck string
	if err := a.stuckError(); err != nil {
		healthy, stuck = false, err.Error()
	}
	if a.down.Load() {
		healthy = false // it generates nothing more
	}
	var uptime float64
	if !a.started.IsZero() { // zero before Start
		uptime = time.Since(a.started).Seconds()
	}
	st := Status{
		Healthy: healthy, Ready: a.notReady() == "", Stuck: stuck, Version: a.cfg.Version,
		Uptime: uptime, Targets: targets, Index: a.index,
		Probes: append([]ProbeResult(nil), a.probes...),
	}
	if len(a.fits) > 0 {
		st.Fits = map[string]*Fit{}
		for k, f := range a.fits {
			st.Fits[k] = f
		}
	}
	return st
}

// reason explains a missed budget from what the agent has seen.
func (a *Agent) reason(b budgets.Budget) string {
	var parts []string
	if load, ok := loadAverage(); ok && load > float64(runtime.NumCPU()) {
		parts = append(parts, fmt.Sprintf("the machine is overloaded (load %.1f on %d CPUs)", load, runtime.NumCPU()))
	}
	switch b.Name {
	case "generation_p95", "resolution_p99":
		phases := []generator.Phase{generator.PhaseResolve, generator.PhaseList}
		if b.Name == "generation_p95" {
			phases = append(phases, generator.PhaseRender, generator.PhasePlan, generator.PhaseApply)
		}
		ops := a.obs.ops.snapshot()
		top, topV := "", 0.0
		for _, p := range phases {
			if w := ops[string(p)]; w != nil {
				if v, ok := w.quantile(0.95); ok && v > topV {
					top, topV = string(p), v
				}
			}
		}
		if top != "" {
			parts = append(parts, fmt.Sprintf("slowest phase %s (p95 %s)", top, seconds(topV)))
		}
		// A run also waits for the folder locks of other runs writing the
		// same folders (between render and plan), which no phase times:
		// with concurrent requests on one folder, that is where the time goes.
		if w := ops["run"]; b.Name == "generation_p95" && w != nil {
			if run, ok := w.quantile(0.95); ok && topV < run/2 {
				parts = append(parts, fmt.Sprintf("most of a run (p95 %s) is outside its phases: waiting for the folder locks of other runs writing the same folders", seconds(run)))
			}
		}
	case "cache_hit_ratio":
		parts = append(parts, "templates recompiled after warm-up: changing EJS options or a working set larger than the cache")
	case "time_growth_exponent", "memory_growth_exponent":
		parts = append(parts, "cost grows faster than linearly over the probe sizes")
	}
	return strings.Join(parts, "; ")
}

func seconds(v float64) time.Duration {
	return time.Duration(v * float64(time.Second)).Round(time.Microsecond)
}

// loadAverage is the one-minute load average (Linux; false elsewhere).
func loadAverage() (float64, bool) {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, false
	}
	v, err := strconv.ParseFloat(f[0], 64)
	return v, err == nil
}
