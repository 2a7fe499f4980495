package stats

import (
	"math"
	"testing"
)

func TestSummarize(t *testing.T) {
	xs := make([]float64, 100)
	for i := range xs {
		xs[i] = float64(100 - i) // 100 … 1, unsorted on purpose
	}
	s := Summarize(xs)
	want := Summary{N: 100, Min: 1, P50: 50, P95: 95, P99: 99, Max: 100, Mean: 50.5}
	if s != want {
		t.Errorf("summary = %+v, want %+v", s, want)
	}
	if xs[0] != 100 {
		t.Error("Summarize sorted its input")
	}
	if (Summarize(nil) != Summary{}) {
		t.Error("empty sample")
	}
}

func TestFitRecoversAKnownExponent(t *testing.T) {
	var n, cost []float64
	// cost = 3·n^1.5 with ±1% multiplicative noise that averages out.
	noise := []float64{1.01, 0.99, 1.0}
	for i, size := range []float64{10, 100, 1000, 10000} {
		for j := range noise {
			n = append(n, size)
			cost = append(cost, 3*math.Pow(size, 1.5)*noise[(i+j)%3])
		}
	}
	f, err := FitPowerLaw(n, cost, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(f.B-1.5) > 0.01 || !(f.BLow < 1.5 && 1.5 < f.BHigh) || f.BHigh-f.BLow > 0.05 {
		t.Errorf("fit = %+v, want b≈1.5 inside a narrow interval", f)
	}
	if math.Abs(math.Exp(f.A)-3) > 0.1 || f.R2 < 0.999 || f.Points != 12 || f.Sizes != 4 {
		t.Errorf("fit = %+v", f)
	}
	// More noise, wider interval.
	cost[0] *= 2
	g, _ := FitPowerLaw(n, cost, 0.95)
	if g.BHigh-g.BLow <= f.BHigh-f.BLow {
		t.Errorf("noisier data gave interval %v..%v, not wider than %v..%v", g.BLow, g.BHigh, f.BLow, f.BHigh)
	}
}

func TestFitRejectsUnusableData(t *testing.T) {
	for name, c := range map[string][2][]float64{
		"too few":      {{1, 2}, {1, 2}},
		"one size":     {{5, 5, 5}, {1, 2, 3}},
		"non-positive": {{1, 2, 3}, {1, 0, 3}},
		"mismatched":   {{1, 2, 3}, {1, 2}},
	} {
		if _, err := FitPowerLaw(c[0], c[1], 0.95); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
