package budgets

// Direction says which side of the limit is good.
type Direction string

// Directions.
const (
	AtMost  Direction = "at_most"  // the value must not exceed Limit
	AtLeast Direction = "at_least" // the value must not fall below Limit
)

// Budget is one performance target.
type Budget struct {
	Name        string    `json:"name"`        // stable identifier, used as the hypergen.budget attribute
	Description string    `json:"description"` // what is measured, for people
	Unit        string    `json:"unit"`        // "s", "ratio" or "exponent"
	Limit       float64   `json:"limit"`       // the budget
	Direction   Direction `json:"direction"`   // which side of Limit is good
	Source      string    `json:"source"`      // where the measured value comes from
}

// Met reports whether v is within the budget.
func (b Budget) Met(v float64) bool {
	if b.Direction == AtLeast {
		return v >= b.Limit
	}
	return v <= b.Limit
}

// The budgets, in one vocabulary for time shared by perf benchmark, perf
// status, the dashboards and the reports:
//   - "process start-up": exec to main, measured by perf benchmark against a
//     hello-world baseline (a sidecar cannot measure it);
//   - "resolution": finding the action and listing its files (the resolve
//     and list phases of one run, together);
//   - "generation": one whole run.
//
// The limits are what a healthy machine of the smallest supported class (2
// cores, nothing else running) meets with margin, measured on such a machine
// by the agent's probes and perf benchmark; the seed's outer bounds
// (start-up under 100 ms, resolution under 50 ms, hit rate over 80 %, linear
// growth) stay well outside them. internal/perf judges its targets against
// this same list.
var Budgets = []Budget{
	{Name: "generation_p95", Description: "95th percentile of one whole generation run (warm process)",
		Unit: "s", Limit: 0.050, Direction: AtMost, Source: "hypergen.operation.duration{operation=run}"},
	{Name: "resolution_p99", Description: "99th percentile of resolution (resolve + list: finding the action and its files) in a warm process",
		Unit: "s", Limit: 0.005, Direction: AtMost, Source: "hypergen.startup.duration{phase=resolve|list}, summed per run"},
	{Name: "cache_hit_ratio", Description: "share of compiled-template lookups served from the cache",
		Unit: "ratio", Limit: 0.99, Direction: AtLeast, Source: "hypergen.cache.requests"},
	{Name: "time_growth_exponent", Description: "b in time ≈ a·n^b over probe sizes (1 = linear)",
		Unit: "exponent", Limit: 1.10, Direction: AtMost, Source: "hypergen.scalability.exponent{resource=time}"},
	{Name: "memory_growth_exponent", Description: "b in memory ≈ a·n^b over probe sizes (1 = linear)",
		Unit: "exponent", Limit: 1.05, Direction: AtMost, Source: "hypergen.scalability.exponent{resource=memory}"},
}

// ColdGeneration, ProcessStartup and HygenSpeedup are judged by perf
// benchmark and perf test only: a sidecar never starts a new process, so
// they are not among the Budgets the agent, the dashboards and the alert
// rules watch.
//
// ColdGeneration's limit is the seed's start-up bound: on a 2-core VM where
// page faults are dear, a cold generation on the 1,000-generator tree
// measured a 42 ms median (perf benchmark --iterations 30), so 100 ms keeps
// more than a 2× margin.
var ColdGeneration = Budget{Name: "cold_generation_p50",
	Description: "median of one whole generation in a new process with the persistent index, 1,000-generator tree",
	Unit:        "s", Limit: 0.100, Direction: AtMost, Source: "perf benchmark and perf test: cold processes"}

// ProcessStartup is a ratio because absolute times do not carry between
// machines: both processes are started alternately in the same run, so a
// burst of load slows both (steady load pads both with waiting for a CPU,
// which shrinks the ratio: judge it on an idle machine). On an idle
// 2-core VM `hypergen version` measured 2.95× a hello-world (README, cold
// path), so 4× leaves a margin; issue #15's goal of 1.5× is what
// scripts/cold-start reports against.
var ProcessStartup = Budget{Name: "process_startup_ratio",
	Description: "median process start-up of hypergen (exec to main: `hypergen version`) divided by a hello-world Go binary's, measured alternately in the same run",
	Unit:        "×", Limit: 4, Direction: AtMost, Source: "perf benchmark: new processes"}

// HygenSpeedup is judged by perf test --hygen: the seed's goal of 30× for
// a cold generation on the 1,000-generator tree.
var HygenSpeedup = Budget{Name: "hygen_speedup",
	Description: "hygen 6.2.11's median cold generation divided by hypergen's, 1,000-generator tree",
	Unit:        "×", Limit: 30, Direction: AtLeast, Source: "perf test --hygen: cold processes"}

// MustByName returns the budget with that name and panics without one: for
// the code that judges a budget the list is known to hold.
func MustByName(name string) Budget {
	b, ok := ByName(name)
	if !ok {
		panic("budgets: no budget " + name)
	}
	return b
}

// ByName returns the budget with that name.
func ByName(name string) (Budget, bool) {
	for _, b := range Budgets {
		if b.Name == name {
			return b, true
		}
	}
	return Budget{}, false
}
