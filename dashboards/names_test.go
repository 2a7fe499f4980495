package dashboards

import (
	"testing"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// The names Prometheus shows for hypergen's metrics, as the Collector's
// exporter writes them (seen in test/telemetry): the translation must agree.
func TestPrometheusNames(t *testing.T) {
	for otel, want := range map[string]string{
		catalog.MetricOperationDuration: "hypergen_operation_duration_seconds",
		catalog.MetricRuns:              "hypergen_runs_total",
		catalog.MetricRenderedBytes:     "hypergen_rendered_bytes_total",
		catalog.MetricCacheRequests:     "hypergen_cache_requests_total",
		catalog.MetricProbeMemory:       "hypergen_probe_memory_bytes",
		catalog.MetricTargetMet:         "hypergen_target_met",
		"go.memory.used":                "go_memory_used_bytes",
		"go.config.gogc":                "go_config_gogc_percent",
	} {
		if got := metric(otel); got != want {
			t.Errorf("%s → %s, want %s", otel, got, want)
		}
	}
	if got := label(catalog.AttrOperation); got != "hypergen_operation" {
		t.Errorf("label %s → %s", catalog.AttrOperation, got)
	}
}

func TestEveryExponentBudgetHasAResource(t *testing.T) {
	for _, b := range budgets.Budgets {
		if _, ok := exponentBudgets[b.Name]; (b.Unit == "exponent") != ok {
			t.Errorf("budget %s (unit %s): in exponentBudgets %v", b.Name, b.Unit, ok)
		}
	}
	for name := range exponentBudgets {
		if _, ok := budgets.ByName(name); !ok {
			t.Errorf("exponentBudgets names %s, which is not a budget", name)
		}
	}
}
