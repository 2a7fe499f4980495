package budgets

import "testing"

func TestBudgetsAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	// The budgets only perf benchmark and perf test judge share the names.
	for _, b := range append(append([]Budget{}, Budgets...), ColdGeneration, ProcessStartup, HygenSpeedup) {
		if seen[b.Name] {
			t.Errorf("%s listed twice", b.Name)
		}
		seen[b.Name] = true
		if b.Description == "" || b.Source == "" || b.Limit <= 0 {
			t.Errorf("%s: description, source and a positive limit are required", b.Name)
		}
		if b.Direction != AtMost && b.Direction != AtLeast {
			t.Errorf("%s: direction %q", b.Name, b.Direction)
		}
	}
}

func TestMet(t *testing.T) {
	hit, _ := ByName("cache_hit_ratio")
	if !hit.Met(0.995) || hit.Met(0.9) {
		t.Error("cache_hit_ratio: at-least budget judged wrongly")
	}
	gen, _ := ByName("generation_p95")
	if !gen.Met(0.004) || gen.Met(0.2) {
		t.Error("generation_p95: at-most budget judged wrongly")
	}
	if !ProcessStartup.Met(2.9) || ProcessStartup.Met(6) {
		t.Error("process_startup_ratio: at-most ratio judged wrongly")
	}
	if _, ok := ByName("nope"); ok {
		t.Error("ByName found a budget that does not exist")
	}
}
