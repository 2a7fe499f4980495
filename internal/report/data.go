package report

import (
	"fmt"
	"time"
)

// Point is one measurement.
type Point struct{ X, Y float64 }

// Series is a named line or set of points. Several points may share an X
// (repeated measurements): they are all drawn, and the line goes through
// their median.
type Series struct {
	Name   string
	Points []Point
}

// Fit is a fitted power law y = e^A · x^B, drawn as a line with its exponent
// and confidence interval in the legend.
type Fit struct {
	Series      string // which series it was fitted to
	A, B        float64
	BLow, BHigh float64
	Level       float64 // of the interval, e.g. 0.95
	Points      int     // measurements behind the fit
}

// MinFitPoints is the fewest measurements whose interval is shown: with
// three points the interval rests on one degree of freedom, where Student's
// t is 12.7 at 95 %, so any noise makes it span tens of exponent units and
// say nothing.
const MinFitPoints = 5

// Interval describes the fit's confidence interval for people: the bounds,
// or why there are none worth showing.
func (f Fit) Interval() string {
	switch {
	case f.Points > 0 && f.Points < MinFitPoints:
		return fmt.Sprintf("%d points: too few for a confidence interval", f.Points)
	case f.BHigh-f.BLow > 2:
		return fmt.Sprintf("%g%% CI %s – %s: too noisy to tell the growth apart", f.Level*100, fmtFloat(f.BLow), fmtFloat(f.BHigh))
	}
	return fmt.Sprintf("%g%% CI %s – %s", f.Level*100, fmtFloat(f.BLow), fmtFloat(f.BHigh))
}

// Bar is one labelled value.
type Bar struct {
	Label string
	Value float64
}

// Latency is one operation's percentiles, in seconds.
type Latency struct {
	Operation     string
	P50, P95, P99 float64
}

// Budget is one performance budget with its measured value.
type Budget struct {
	Name, Unit string
	Limit      float64
	LimitText  string // shown instead of Limit when the goal is not one number
	AtLeast    bool   // the limit is a floor, not a ceiling
	Value      *float64
	Met        *bool
}

// Data is everything a report can show; empty parts are left out.
type Data struct {
	Title     string
	Subtitle  string
	Generated time.Time
	// Refresh, when positive, makes the page reload itself (the live view).
	Refresh time.Duration

	Healthy *bool
	Budgets []Budget

	// Scalability: time against the number of templates, log-log.
	Scalability []Series
	Fits        []Fit
	// MemoryPerTemplate: bytes per template against the number of templates.
	MemoryPerTemplate []Series
	// Phases are seconds per phase, drawn as bars under PhasesTitle
	// (default "Phase breakdown").
	Phases        []Bar
	PhasesTitle   string
	Latencies     []Latency
	CacheHitRatio *float64
	// Trend: a metric over time (X is Unix seconds), one series per metric,
	// under TrendTitle (default "Trend over stored runs").
	Trend      []Series
	TrendUnit  string
	TrendTitle string

	Findings        []string
	Recommendations []string
	Facts           [][2]string // label, value pairs (environment, index size, ...)
}
