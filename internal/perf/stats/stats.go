package stats

import (
	"errors"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Summary describes a sample by its order statistics.
type Summary struct {
	N    int     `json:"n"`
	Min  float64 `json:"min"`
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
	P99  float64 `json:"p99"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
}

// Summarize returns the summary of xs (which it does not modify); the
// quantiles are empirical (the smallest value with at least q of the sample
// at or below it), so p99 of 100 samples is the 99th value, never an
// interpolation no run produced.
func Summarize(xs []float64) Summary {
	if len(xs) == 0 {
		return Summary{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	q := func(p float64) float64 { return stat.Quantile(p, stat.Empirical, s, nil) }
	return Summary{N: len(s), Min: s[0], P50: q(0.5), P95: q(0.95), P99: q(0.99), Max: s[len(s)-1], Mean: stat.Mean(s, nil)}
}

// Fit is log(cost) = A + B·log(n) fitted to measurements.
type Fit struct {
	A      float64 `json:"a"`
	B      float64 `json:"b"`      // the growth exponent
	BLow   float64 `json:"b_low"`  // confidence interval for B
	BHigh  float64 `json:"b_high"` //
	Level  float64 `json:"level"`  // of the interval, e.g. 0.95
	R2     float64 `json:"r2"`     // coefficient of determination in log space
	Points int     `json:"points"` // measurements used
	Sizes  int     `json:"sizes"`  // distinct sizes among them
}

// MinJudgedSizes is how many distinct sizes a fit needs before its exponent
// is judged against a budget: through two sizes, any curve is a straight
// line. The agent, perf test and perf monitor's warning all ask it.
const MinJudgedSizes = 3

// FitPowerLaw fits cost = e^A · n^B by least squares on logarithms, with a
// two-sided confidence interval for B at the given level. Repeated
// measurements at a size all count. It needs at least three points over at
// least two sizes, and positive values.
func FitPowerLaw(n, cost []float64, level float64) (Fit, error) {
	if len(n) != len(cost) {
		return Fit{}, errors.New("sizes and costs differ in length")
	}
	if len(n) < 3 {
		return Fit{}, errors.New("a fit needs at least three measurements")
	}
	x, y := make([]float64, len(n)), make([]float64, len(n))
	sizes := map[float64]bool{}
	for i := range n {
		if n[i] <= 0 || cost[i] <= 0 {
			return Fit{}, errors.New("sizes and costs must be positive")
		}
		x[i], y[i] = math.Log(n[i]), math.Log(cost[i])
		sizes[n[i]] = true
	}
	if len(sizes) < 2 {
		return Fit{}, errors.New("a fit needs at least two different sizes")
	}
	a, b := stat.LinearRegression(x, y, nil, false)
	f := Fit{A: a, B: b, Level: level, R2: stat.RSquared(x, y, nil, a, b), Points: len(n), Sizes: len(sizes)}
	// Standard error of the slope: residual variance over the spread of x.
	var sse, sxx float64
	mx := stat.Mean(x, nil)
	for i := range x {
		r := y[i] - (a + b*x[i])
		sse += r * r
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	df := float64(len(x) - 2)
	se := math.Sqrt(sse / df / sxx)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(1 - (1-level)/2)
	f.BLow, f.BHigh = b-t*se, b+t*se
	return f, nil
}
