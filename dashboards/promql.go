package dashboards

import (
	"fmt"
	"strings"
)

// RateInterval is Grafana's range variable for rate and increase: at least
// four scrape intervals, so a range always holds enough samples.
const RateInterval = "$__rate_interval"

// Small PromQL builders. Queries are assembled from these rather than typed
// as strings, so metric and label names always go through metric and label.

// matcher is one label matcher, e.g. hypergen_operation="run".
func eq(attr, value string) string { return fmt.Sprintf("%s=%q", label(attr), value) }
func re(attr, value string) string { return fmt.Sprintf("%s=~%q", label(attr), value) }

// sel selects a series name with matchers.
func sel(series string, matchers ...string) string {
	if len(matchers) == 0 {
		return series
	}
	return series + "{" + strings.Join(matchers, ", ") + "}"
}

func rate(series, window string) string { return "rate(" + series + "[" + window + "])" }

// rateOffset is rate over a window that ends offset ago.
func rateOffset(series, window, offset string) string {
	return "rate(" + series + "[" + window + "] offset " + offset + ")"
}

func increase(series, window string) string { return "increase(" + series + "[" + window + "])" }

// by aggregates expr with op (sum, max, min, avg) by the given labels (as
// attribute keys or Prometheus labels already translated).
func by(op string, labels []string, expr string) string {
	if len(labels) == 0 {
		return op + "(" + expr + ")"
	}
	return op + " by (" + strings.Join(labels, ", ") + ") (" + expr + ")"
}

// labels translates attribute keys; job and instance pass through.
func labels(attrs ...string) []string {
	out := make([]string, len(attrs))
	for i, a := range attrs {
		out[i] = label(a)
	}
	return out
}

// quantile is the q-quantile of a histogram's rate over window, by labels.
func quantile(q float64, otelName, window string, groupBy []string, matchers ...string) string {
	return quantileOf(q, groupBy, rate(sel(metric(otelName)+"_bucket", matchers...), window))
}

// quantileOf is the q-quantile of bucket rates, by labels.
func quantileOf(q float64, groupBy []string, bucketRates string) string {
	return fmt.Sprintf("histogram_quantile(%g, %s)", q, by("sum", append([]string{"le"}, groupBy...), bucketRates))
}

// ratio divides two expressions.
func ratio(num, den string) string { return "(" + num + ") / (" + den + ")" }

// orZero stands for a series the Collector has not derived yet: it creates
// one only when the first span with those labels arrives, so a workload
// that never failed (or never hit the cache) has no error (or hit) series.
func orZero(expr string) string { return "(" + expr + " or vector(0))" }
