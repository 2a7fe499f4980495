package perf

import (
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/perf/stats"
)

// perf test judges both growth budgets the agent watches, from fits over
// at least three sizes (through two, any curve is a line), and says when a
// met budget's interval reaches past its limit. It used to judge memory
// only, so an index build growing as n^1.19 passed.
func TestScaleTargetsJudgeBothGrowthBudgets(t *testing.T) {
	r := &ScaleReport{Sizes: []SizePoint{{Generators: 10, Templates: 100}}, Fits: map[string]stats.Fit{
		"time_index_build": {B: 1.19, BLow: 1.1, BHigh: 1.3, Sizes: 3},
		"memory_index":     {B: 0.95, BLow: 0.8, BHigh: 1.2, Sizes: 3},
	}}
	got := map[string]Target{}
	for _, tg := range scaleTargets(r) {
		got[tg.Name] = tg
	}
	if tg, ok := got["time_growth_exponent"]; !ok || tg.Met {
		t.Errorf("time_growth_exponent at b = 1.19: %+v, want judged and missed", tg)
	}
	if tg := got["memory_growth_exponent"]; !tg.Met || !strings.Contains(tg.Note, "the interval reaches past 1.05") {
		t.Errorf("memory_growth_exponent at b = 0.95, CI to 1.2: %+v, want met, the interval named", tg)
	}

	r.Fits["time_index_build"] = stats.Fit{B: 2, Sizes: 2}
	for _, tg := range scaleTargets(r) {
		if tg.Name == "time_growth_exponent" {
			t.Errorf("a fit over two sizes was judged: %+v", tg)
		}
	}
}
