package dashboards

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/instrument"
)

// operations are the phases of a run, the rows of the per-operation panels
// (per-template steps and file operations are too many lines for one panel).
const phases = "run|resolve|list|render|plan|apply"

func overview() (board, error) {
	var health []panel
	for _, b := range budgets.Budgets {
		p, err := budgetStat(b)
		if err != nil {
			return board{}, err
		}
		health = append(health, p)
	}
	health = append(health, panel{
		title:       "Budgets met",
		description: "Share of budgets the agents currently meet (hypergen.target.met); below 100 % one of the panels beside this one is red.",
		unit:        "percentunit", stat: true, width: 6,
		queries: []query{{expr: by("avg", nil, metric(instrument.MetricTargetMet)), legend: "met"}},
	})

	runs := metric(instrument.MetricRuns)
	rows := []row{
		{title: "Health and budgets", panels: health},
		{title: "Throughput and errors", panels: []panel{
			{title: "Runs per second",
				description: "Generator runs per second by outcome (hypergen.runs). Rates come from long-lived processes (the agent, or a service using hypergen as a library); a one-shot CLI process reports its count once.",
				unit:        "ops", queries: []query{{expr: by("sum", labels(instrument.AttrOutcome), rate(runs, RateInterval)), legend: "{{hypergen_outcome}}"}}},
			{title: "Error rate",
				description: "Share of generator runs that failed.",
				unit:        "percentunit", min: zero(),
				queries: []query{{expr: ratio(
					by("sum", nil, rate(sel(runs, eq(instrument.AttrOutcome, "error")), RateInterval)),
					by("sum", nil, rate(runs, RateInterval))), legend: "errors"}}},
			{title: "Files written per second",
				description: "Files written by add and inject per second, by operation and outcome (hypergen.files.written).",
				unit:        "ops", queries: []query{{expr: by("sum", labels(instrument.AttrOperation, instrument.AttrOutcome),
					rate(metric(instrument.MetricFilesWritten), RateInterval)), legend: "{{hypergen_operation}} {{hypergen_outcome}}"}}},
		}},
		{title: "Latency", panels: []panel{
			{title: "Generation latency",
				description: "p50, p95 and p99 of one whole generation run; the dashed line is the generation_p95 budget.",
				unit:        "s", budget: "generation_p95", width: 24,
				queries: []query{
					{expr: quantile(0.5, instrument.MetricOperationDuration, RateInterval, nil, eq(instrument.AttrOperation, "run")), legend: "p50"},
					{expr: quantile(0.95, instrument.MetricOperationDuration, RateInterval, nil, eq(instrument.AttrOperation, "run")), legend: "p95"},
					{expr: quantile(0.99, instrument.MetricOperationDuration, RateInterval, nil, eq(instrument.AttrOperation, "run")), legend: "p99"},
				}},
			operationQuantile(0.5), operationQuantile(0.95), operationQuantile(0.99),
		}},
		{title: "Cache and start-up", panels: []panel{
			{title: "Cache hit rate",
				description: "Share of compiled-template lookups served from the cache; the dashed line is the cache_hit_ratio budget.",
				unit:        "percentunit", budget: "cache_hit_ratio",
				queries: []query{{expr: ratio(
					by("sum", nil, rate(sel(metric(instrument.MetricCacheRequests), eq(instrument.AttrResult, "hit")), RateInterval)),
					by("sum", nil, rate(metric(instrument.MetricCacheRequests), RateInterval))), legend: "hit rate"}}},
			{title: "Cache lookups per second",
				description: "Compiled-template cache lookups per second, by result.",
				unit:        "ops", queries: []query{{expr: by("sum", labels(instrument.AttrResult),
					rate(metric(instrument.MetricCacheRequests), RateInterval)), legend: "{{hypergen_cache_result}}"}}},
			{title: "Start-up breakdown",
				description: "p95 of each start-up phase before rendering (telemetry set-up, resolving the action, listing its files); the dashed line is the startup_p95 budget, which covers resolve and list together.",
				unit:        "s", budget: "startup_p95",
				queries: []query{{expr: quantile(0.95, instrument.MetricStartupDuration, RateInterval, labels(instrument.AttrPhase)), legend: "{{hypergen_phase}}"}}},
		}},
	}
	return board{
		uid: "hypergen-overview", title: "hypergen / Overview",
		description: "Health against the performance budgets, throughput, errors, latency by operation, cache and start-up.",
		rows:        rows,
	}, nil
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
		queries: []query{{expr: by(worst, nil, sel(metric(instrument.MetricTargetValue), eq(instrument.AttrBudget, b.Name))), legend: b.Name}},
	}, nil
}

func operationQuantile(q float64) panel {
	pct := fmt.Sprintf("p%g", q*100)
	return panel{
		title:       pct + " by operation",
		description: fmt.Sprintf("%s of each phase of a run (resolve, list, render, plan, apply, and the whole run).", pct),
		unit:        "s",
		queries: []query{{expr: quantile(q, instrument.MetricOperationDuration, RateInterval, labels(instrument.AttrOperation),
			re(instrument.AttrOperation, phases)), legend: "{{hypergen_operation}}"}},
	}
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func zero() *float64 { z := 0.0; return &z }
