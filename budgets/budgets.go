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

// The budgets. The seed targets (start-up under 100 ms, resolution under
// 50 ms, hit rate over 80 %, linear memory) are the outer bounds; these are
// the tighter ones hypergen holds itself to.
var Budgets = []Budget{
	{Name: "generation_p95", Description: "95th percentile of one whole generation run (warm process)",
		Unit: "s", Limit: 0.010, Direction: AtMost, Source: "hypergen.operation.duration{operation=run}"},
	{Name: "startup_p95", Description: "95th percentile of start-up (resolve + list) before rendering",
		Unit: "s", Limit: 0.005, Direction: AtMost, Source: "hypergen.startup.duration{phase=resolve|list}"},
	{Name: "resolution_p99", Description: "99th percentile of template resolution (finding the action) in a warm process",
		Unit: "s", Limit: 0.0001, Direction: AtMost, Source: "hypergen.operation.duration{operation=resolve}"},
	{Name: "cache_hit_ratio", Description: "share of compiled-template lookups served from the cache",
		Unit: "ratio", Limit: 0.99, Direction: AtLeast, Source: "hypergen.cache.requests"},
	{Name: "time_growth_exponent", Description: "b in time ≈ a·n^b over probe sizes (1 = linear)",
		Unit: "exponent", Limit: 1.10, Direction: AtMost, Source: "hypergen.scalability.exponent{resource=time}"},
	{Name: "memory_growth_exponent", Description: "b in memory ≈ a·n^b over probe sizes (1 = linear)",
		Unit: "exponent", Limit: 1.05, Direction: AtMost, Source: "hypergen.scalability.exponent{resource=memory}"},
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
