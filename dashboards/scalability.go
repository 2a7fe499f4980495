package dashboards

import (
	"fmt"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// exponentBudgets maps each growth-exponent budget to the resource of
// hypergen.scalability.exponent it limits. A test checks that every budget
// in the "exponent" unit is here.
var exponentBudgets = map[string]string{
	"time_growth_exponent":   "time",
	"memory_growth_exponent": "memory",
}

// probeInterval is the minimum query interval of the probe panels: probes
// run every 15 minutes by default, so shorter ranges are mostly empty.
const probeInterval = "15m"

func scalability() (board, error) {
	size := labels(catalog.AttrProbeSize)
	durSum := metric(catalog.MetricProbeDuration) + "_sum"
	durCount := metric(catalog.MetricProbeDuration) + "_count"
	panels := []panel{
		{title: "Probe latency by size",
			description: "Mean duration of one probe generation (indexing and rendering a synthetic tree), by tree size in generators of 10 templates.",
			unit:        "s", interval: probeInterval, width: 12,
			queries: []query{{expr: ratio(by("sum", size, increase(durSum, RateInterval)), by("sum", size, increase(durCount, RateInterval))),
				legend: "{{hypergen_probe_size}} generators"}}},
		{title: "Probe memory by size",
			description: "Heap in use after indexing and rendering the latest probe tree, by tree size (the largest across agents).",
			unit:        "bytes", width: 12,
			queries: []query{{expr: by("max", size, metric(catalog.MetricProbeMemory)), legend: "{{hypergen_probe_size}} generators"}}},
		{title: "Memory per template",
			description: "Heap per template of the latest probe tree, by tree size: flat lines mean memory grows linearly with the number of templates.",
			unit:        "bytes", width: 12,
			queries: []query{{expr: by("max", size, metric(catalog.MetricProbeMemoryPerTemplate)), legend: "{{hypergen_probe_size}} generators"}}},
	}
	for _, b := range budgets.Budgets {
		resource, ok := exponentBudgets[b.Name]
		if !ok {
			continue
		}
		panels = append(panels, panel{
			title: fmt.Sprintf("Fitted %s exponent", resource),
			description: fmt.Sprintf("b in %s ≈ a·n^b fitted over the probe sizes, with its 95 %% confidence bounds; the dashed line is the %s budget (%g). 1 is linear.",
				resource, b.Name, b.Limit),
			unit: "none", budget: b.Name, width: 12,
			queries: []query{{expr: by("max", labels(catalog.AttrBound),
				sel(metric(catalog.MetricScalabilityExponent), eq(catalog.AttrResource, resource))), legend: "{{hypergen_bound}}"}},
		})
	}
	health, err := budgetRow()
	if err != nil {
		return board{}, err
	}
	return board{
		uid: "hypergen-scalability", title: "hypergen / Scalability and budgets",
		description: "What the agents measure in a warm process: every performance budget, the scalability probes' latency and memory by synthetic tree size, and the fitted growth exponents against their budgets.",
		rows:        []row{health, {title: "Probes", panels: panels}},
	}, nil
}
