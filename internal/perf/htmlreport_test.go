package perf

import (
	"testing"

	"github.com/hypergen-dev/hypergen/budgets"
)

// A target's budget carries its limit into the report, in the budget's
// own unit, for the charts: the cache chart drew its budget line at 0 %.
func TestReportBudgetsCarryTheirLimits(t *testing.T) {
	b := budgets.MustByName("cache_hit_ratio")
	d := ReportData(nil, nil, "test")
	addTargets(&d, []Target{budgetTarget(b, 0.95)})
	if len(d.Budgets) != 1 || d.Budgets[0].Limit != b.Limit || !d.Budgets[0].AtLeast {
		t.Errorf("budgets = %+v, want cache_hit_ratio's limit %g, a floor", d.Budgets, b.Limit)
	}
}
