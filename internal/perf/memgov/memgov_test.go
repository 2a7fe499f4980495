package memgov

import "testing"

func TestGovernorShrinksOnlyUnderPressure(t *testing.T) {
	var fractions []float64
	g := &Governor{Limit: 1000, Threshold: 0.8}
	g.Register(func(f float64) int64 { fractions = append(fractions, f); return 100 })
	if g.check(799) {
		t.Error("shrank below the threshold")
	}
	if !g.check(800) || len(fractions) != 1 || fractions[0] != 0.5 || g.Shrunk != 100 {
		t.Errorf("under pressure: fractions %v, shrunk %d", fractions, g.Shrunk)
	}
	if (&Governor{Threshold: 0.8}).check(1 << 40) {
		t.Error("no limit, yet pressure")
	}
}
