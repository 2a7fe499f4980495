package dashboards

import (
	"fmt"

	"go.opentelemetry.io/otel/semconv/v1.43.0/goconv"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// RuleFile is a Prometheus rule file.
type RuleFile struct {
	Groups []RuleGroup `yaml:"groups"`
}

// RuleGroup is one group of rules, evaluated together.
type RuleGroup struct {
	Name  string `yaml:"name"`
	Rules []Rule `yaml:"rules"`
}

// Rule is one alerting rule.
type Rule struct {
	Alert       string            `yaml:"alert"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for,omitempty"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

// Tuning of the alerts that are not budgets themselves.
const (
	// RegressionFactor: the p95 of an operation may grow to this multiple
	// of the same hour a week earlier before it counts as a regression.
	RegressionFactor = 1.5
	// CacheDropPoints: the cache hit rate of the last 30 minutes may fall
	// this far below that of the last 6 hours before it counts as a drop.
	CacheDropPoints = 0.10
)

// value renders an alert's value with four significant digits; the tests
// render the expected annotations with the same Go format.
const value = `{{ printf "%.4g" $value }}`

// Rules derives the alert rules: one per budget (the agents' measurement
// against the budget's limit), and the alerts around them.
func Rules() (RuleFile, error) {
	var budgetRules, perfRules []Rule
	for _, b := range budgets.Budgets {
		r, err := budgetRule(b)
		if err != nil {
			return RuleFile{}, err
		}
		budgetRules = append(budgetRules, r)
		if resource, ok := exponentBudgets[b.Name]; ok {
			perfRules = append(perfRules, exponentRule(b, resource))
		}
	}
	perfRules = append([]Rule{regressionRule(), cacheDropRule()}, perfRules...)
	return RuleFile{Groups: []RuleGroup{
		{Name: "hypergen-budgets", Rules: budgetRules},
		{Name: "hypergen-performance", Rules: perfRules},
		{Name: "hypergen-telemetry", Rules: telemetryRules()},
		{Name: "hypergen-agent", Rules: agentRules()},
	}}, nil
}

func budgetRule(b budgets.Budget) (Rule, error) {
	if _, err := budgetUnit(b); err != nil {
		return Rule{}, err
	}
	worst, op, side := "max", ">", "at most"
	if b.Direction == budgets.AtLeast {
		worst, op, side = "min", "<", "at least"
	}
	measured := by(worst, []string{"job", "instance"}, sel(metric(catalog.MetricTargetValue), eq(catalog.AttrBudget, b.Name)))
	return Rule{
		Alert:  "HypergenBudgetMissed",
		Expr:   fmt.Sprintf("%s %s %g", measured, op, b.Limit) + unlessStopped,
		For:    "10m",
		Labels: map[string]string{"severity": "warning", "budget": b.Name},
		Annotations: map[string]string{
			"summary": fmt.Sprintf("hypergen misses its %s budget on {{ $labels.instance }}", b.Name),
			"description": fmt.Sprintf("{{ $labels.instance }} measures %s (%s) at %s; the budget is %s %g (%s). `hypergen perf status` shows the same targets.",
				b.Name, b.Description, value, side, b.Limit, b.Unit),
		},
	}, nil
}

func exponentRule(b budgets.Budget, resource string) Rule {
	lower := by("min", []string{"job", "instance"}, sel(metric(catalog.MetricScalabilityExponent),
		eq(catalog.AttrResource, resource), eq(catalog.AttrBound, "lower")))
	return Rule{
		Alert:  "HypergenScalabilityExponentOverBudget",
		Expr:   fmt.Sprintf("%s > %g", lower, b.Limit) + unlessStopped,
		For:    "30m",
		Labels: map[string]string{"severity": "critical", "budget": b.Name},
		Annotations: map[string]string{
			"summary": fmt.Sprintf("hypergen's %s grows faster than its budget on {{ $labels.instance }}", resource),
			"description": fmt.Sprintf("Even the lower 95 %% confidence bound of the fitted %s exponent is %s, over the %s budget of %g: cost grows faster than n^%g with the number of generators.",
				resource, value, b.Name, b.Limit, b.Limit),
		},
	}
}

func regressionRule() Rule {
	group := append([]string{"job"}, labels(catalog.AttrSpanName)...)
	bucket := sel(metric(catalog.MetricSpanDuration)+"_bucket", re(catalog.AttrSpanName, phases))
	now := quantileOf(0.95, group, rate(bucket, "1h"))
	weekAgo := quantileOf(0.95, group, rateOffset(bucket, "1h", "1w"))
	return Rule{
		Alert:  "HypergenP95Regression",
		Expr:   fmt.Sprintf("%s > %g * %s", now, RegressionFactor, weekAgo),
		For:    "30m",
		Labels: map[string]string{"severity": "warning"},
		Annotations: map[string]string{
			"summary": "hypergen {{ $labels.span_name }} p95 regressed against last week",
			"description": fmt.Sprintf("The p95 of %s over the last hour is %ss, more than %g times the same hour one week ago.",
				"{{ $labels.span_name }}", value, RegressionFactor),
		},
	}
}

func cacheDropRule() Rule {
	// Per long-lived process, from its own cache counters: the span-derived
	// hit rate mixes in one-shot CLI runs, whose files are all misses, so a
	// shift towards the CLI would look like a drop.
	hitRate := func(window string) string {
		g := []string{"job", "instance"}
		requests := metric(catalog.MetricCacheRequests)
		return ratio(by("sum", g, rate(sel(requests, eq(catalog.AttrResult, "hit")), window)), by("sum", g, rate(requests, window)))
	}
	return Rule{
		Alert:  "HypergenCacheHitRateDrop",
		Expr:   fmt.Sprintf("%s < %s - %g", hitRate("30m"), hitRate("6h"), CacheDropPoints),
		For:    "15m",
		Labels: map[string]string{"severity": "warning"},
		Annotations: map[string]string{
			"summary": "hypergen's template cache hit rate dropped on {{ $labels.instance }}",
			"description": fmt.Sprintf("The compiled-template cache served %s of lookups in the last 30 minutes, more than %g below its 6-hour rate: templates churn, or the cache is too small.",
				value, CacheDropPoints),
		},
	}
}

func telemetryRules() []Rule {
	g := append([]string{"job", "instance"}, labels(catalog.AttrSignal)...)
	return []Rule{{
		Alert: "HypergenTelemetryDropped",
		// An hour: the counter reaches Prometheus through the Collector
		// whose outage it counts, so it jumps when the Collector is back,
		// and a 10-minute window held no sample from before a longer
		// outage to see the jump against.
		Expr:   by("sum", g, increase(metric(catalog.MetricTelemetryDropped), "1h")) + " > 0",
		Labels: map[string]string{"severity": "warning"},
		Annotations: map[string]string{
			"summary":     "hypergen lost {{ $labels.hypergen_signal }} telemetry on {{ $labels.instance }}",
			"description": "{{ $labels.instance }} dropped " + value + " {{ $labels.hypergen_signal }} items in the last hour because their export failed; dashboards and traces miss that data.",
		},
	}, {
		Alert: "HypergenCollectorDown",
		// Prometheus's own view: what the Collector is down for cannot
		// arrive through it.
		Expr:   `up{job="` + CollectorJob + `"} == 0`,
		For:    "5m",
		Labels: map[string]string{"severity": "critical"},
		Annotations: map[string]string{
			"summary":     "the OpenTelemetry Collector {{ $labels.instance }} cannot be scraped",
			"description": "Prometheus has not reached the Collector at {{ $labels.instance }} for 5 minutes: hypergen's metrics and derived run counts are not arriving, and its processes are failing their exports (counted once the Collector is back).",
		},
	}, {
		Alert:  "HypergenTelemetryExportFailing",
		Expr:   by("sum", g, rate(metric(catalog.MetricTelemetryFailures), "10m")) + " > 0",
		For:    "10m",
		Labels: map[string]string{"severity": "warning"},
		Annotations: map[string]string{
			"summary":     "hypergen cannot export {{ $labels.hypergen_signal }} from {{ $labels.instance }}",
			"description": "{{ $labels.instance }} has failed to export {{ $labels.hypergen_signal }} for 10 minutes (" + value + " failures per second) while its other exports arrive: check that the Collector accepts this signal (limits, authentication). A Collector that is down raises HypergenCollectorDown instead.",
		},
	}}
}

// CollectorJob is the Prometheus job that scrapes the Collector, as the
// shipped Prometheus configuration names it (deploy/prometheus).
const CollectorJob = "otel-collector"

// unlessStopped leaves out the agents that said, in their last export,
// that they stopped cleanly: the Collector serves their last values for
// its metric_expiration (15 minutes), and a restarted agent (a rolling
// update) is a new instance. HypergenAgentDown paged for every restart.
var unlessStopped = " unless on (job, instance) (" + metric(catalog.MetricAgentUp) + " == 0)"

func agentRules() []Rule {
	agents := metric(catalog.MetricTemplatesIndexed)
	return []Rule{{
		Alert: "HypergenAgentDown",
		// A live Go process allocates between two metric exports; an agent
		// whose allocation counter stands still has stopped, even while
		// the Collector still serves its last values.
		Expr: by("group", []string{"job", "instance"}, agents) + " unless on (job, instance) (changes(" +
			metric(goconv.MemoryAllocated{}.Name()) + "[5m]) > 0)" + unlessStopped,
		For:    "5m",
		Labels: map[string]string{"severity": "critical"},
		Annotations: map[string]string{
			"summary":     "hypergen agent {{ $labels.instance }} is down",
			"description": "The agent {{ $labels.instance }} has sent no new metrics for 10 minutes, and did not say it was stopping: its process died or hangs, or it cannot reach the Collector. Check the sidecar's /readyz and logs. (An agent stopped cleanly, as in a restart, does not raise this.)",
		},
	}, {
		Alert:  "HypergenAgentAbsent",
		Expr:   "absent(" + agents + ")",
		For:    "15m",
		Labels: map[string]string{"severity": "warning"},
		Annotations: map[string]string{
			"summary":     "no hypergen agent reports metrics",
			"description": "No `hypergen perf monitor` agent has reported to Prometheus for 15 minutes: budgets, probes and exponents are not being measured.",
		},
	}}
}
