package dashboards

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// phases are the spans of a run's phases, the rows of the per-phase panels
// (per-template steps and file operations are too many lines for one panel).
const phases = `hypergen\.(run|resolve|list|render|plan|apply)`

// The Overview shows the workload: every generation of every process that
// exports spans, one-shot CLI runs included, as the Collector counts them
// from spans (hypergen.spans.*; see docs/metrics.md). A test keeps it on
// those series only.
func spanCalls(matchers ...string) string {
	return sel(metric(catalog.MetricSpanCalls), matchers...)
}
func spanName(name string) string { return eq(catalog.AttrSpanName, name) }

func overview() (board, error) {
	runs := spanCalls(spanName("hypergen.run"))
	templates := spanCalls(spanName("hypergen.template"))
	run := spanName("hypergen.run")
	rows := []row{
		{title: "Throughput and errors", panels: []panel{
			{title: "Runs per second",
				description: "Generator runs per second by outcome, from every hypergen process: CLI runs, the agent's API and probes, library calls (hypergen.run spans, counted by the Collector).",
				unit:        "ops", queries: []query{{expr: by("sum", labels(catalog.AttrOutcome), rate(runs, RateInterval)), legend: "{{hypergen_outcome}}"}}},
			{title: "Error rate",
				description: "Share of generator runs that failed (a template error, a failed command, a bad argument).",
				unit:        "percentunit", min: zero(),
				queries: []query{{expr: ratio(
					orZero(by("sum", nil, rate(sel(metric(catalog.MetricSpanCalls), run, eq(catalog.AttrOutcome, "error")), RateInterval))),
					by("sum", nil, rate(runs, RateInterval))), legend: "errors"}}},
			{title: "Files written per second",
				description: "File operations of add and inject per second, by operation and outcome (added, forced, injected; skipped when the file exists or skip_if matched).",
				unit:        "ops", queries: []query{{expr: by("sum", labels(catalog.AttrSpanName, catalog.AttrOutcome),
					rate(spanCalls(re(catalog.AttrSpanName, `hypergen\.op\.(add|inject)`)), RateInterval)), legend: "{{span_name}} {{hypergen_outcome}}"}}},
		}},
		{title: "Latency", panels: []panel{
			{title: "Generation latency",
				description: "p50, p95 and p99 of one whole generation run, start-up of the engine included; the dashed line is the generation_p95 budget, which the agents judge in a warm process.",
				unit:        "s", budget: "generation_p95", width: 24,
				queries: []query{
					{expr: quantile(0.5, catalog.MetricSpanDuration, RateInterval, nil, run), legend: "p50"},
					{expr: quantile(0.95, catalog.MetricSpanDuration, RateInterval, nil, run), legend: "p95"},
					{expr: quantile(0.99, catalog.MetricSpanDuration, RateInterval, nil, run), legend: "p99"},
				}},
			phaseQuantile(0.5), phaseQuantile(0.95), phaseQuantile(0.99),
		}},
		{title: "Cache and start-up", panels: []panel{
			{title: "Cache hit rate",
				description: "Share of the template files that looked the cache up whose compiled form came from it (a file with no EJS tag, or a Liquid one, has nothing to compile and is left out). A one-shot CLI process starts with an empty cache, so its files are misses; long-lived processes should sit near the cache_hit_ratio budget (dashed).",
				unit:        "percentunit", budget: "cache_hit_ratio",
				queries: []query{{expr: ratio(
					orZero(by("sum", nil, rate(sel(metric(catalog.MetricSpanCalls), spanName("hypergen.template"), eq(catalog.AttrResult, "hit")), RateInterval))),
					by("sum", nil, rate(sel(metric(catalog.MetricSpanCalls), spanName("hypergen.template"), re(catalog.AttrResult, "hit|miss")), RateInterval))), legend: "hit rate"}}},
			{title: "Templates per second by cache result",
				description: "Template files rendered per second, by whether their compiled form came from the cache.",
				unit:        "ops", queries: []query{{expr: by("sum", labels(catalog.AttrResult),
					rate(templates, RateInterval)), legend: "{{hypergen_cache_result}}"}}},
			{title: "Resolution breakdown",
				description: "p95 of each resolution phase before rendering (resolving the action, listing its files); the dashed line is the resolution_p99 budget, which covers the two together.",
				unit:        "s", budget: "resolution_p99",
				queries: []query{{expr: quantile(0.95, catalog.MetricSpanDuration, RateInterval, labels(catalog.AttrSpanName),
					re(catalog.AttrSpanName, `hypergen\.(resolve|list)`)), legend: "{{span_name}}"}}},
		}},
	}
	return board{
		uid: "hypergen-overview", title: "hypergen / Overview",
		description: "The generation workload of every hypergen process, one-shot CLI runs included: throughput, errors, latency by phase, cache and start-up. The agents' budgets are on the Scalability and budgets dashboard.",
		rows:        rows,
	}, nil
}

// budgetRow shows the agents' latest measurement of every budget.
func budgetRow() (row, error) {
	var health []panel
	for _, b := range budgets.Budgets {
		p, err := budgetStat(b)
		if err != nil {
			return row{}, err
		}
		health = append(health, p)
	}
	health = append(health, panel{
		title:       "Budgets met",
		description: "Share of budgets the agents currently meet (hypergen.target.met); below 100 % one of the panels beside this one is red.",
		unit:        "percentunit", stat: true, width: 6,
		queries: []query{{expr: by("avg", nil, metric(catalog.MetricTargetMet)), legend: "met"}},
	})
	return row{title: "Health and budgets", panels: health}, nil
}

// budgetStat shows the agents' latest measurement of one budget: the worst
// across agents, coloured by the budget's limit.
func budgetStat(b budgets.Budget) (panel, error) {
	unit, err := budgetUnit(b)
	if err != nil {
		return panel{}, err
	}
	worst := "max"
	if b.Direction == budgets.AtLeast {
		worst = "min"
	}
	cmp := "at most"
	if b.Direction == budgets.AtLeast {
		cmp = "at least"
	}
	return panel{
		title:       b.Name,
		description: fmt.Sprintf("%s. Budget: %s %g (%s). The worst value across agents (hypergen.target.value).", capitalise(b.Description), cmp, b.Limit, b.Unit),
		unit:        unit, stat: true, budget: b.Name, width: 3,
		queries: []query{{expr: by(worst, nil, sel(metric(catalog.MetricTargetValue), eq(catalog.AttrBudget, b.Name))), legend: b.Name}},
	}, nil
}

func phaseQuantile(q float64) panel {
	pct := fmt.Sprintf("p%g", q*100)
	return panel{
		title:       pct + " by phase",
		description: fmt.Sprintf("%s of each phase of a run (resolve, list, render, plan, apply, and the whole run).", pct),
		unit:        "s",
		queries: []query{{expr: quantile(q, catalog.MetricSpanDuration, RateInterval, labels(catalog.AttrSpanName),
			re(catalog.AttrSpanName, phases)), legend: "{{span_name}}"}},
	}
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func zero() *float64 { z := 0.0; return &z }
