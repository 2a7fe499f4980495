package instrument

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

func TestAgentMetrics(t *testing.T) {
	tel, _, reader := inMemory(t)
	ctx := context.Background()
	tel.RecordProbe(ctx, 100, 1000, 20*time.Millisecond, 4_000_000)
	tel.SetExponent("time", 1.02, 0.98, 1.06)
	tel.SetTarget("cache_hit_ratio", 0.995, true)
	tel.SetTarget("generation_p95", 0.02, false)
	tel.ProfilingUpload(ctx, nil)
	tel.Reindexed(ctx)
	tel.AgentRequest(ctx, "refused")

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			switch d := m.Data.(type) {
			case metricdata.Gauge[float64]:
				for _, p := range d.DataPoints {
					got[m.Name+key(p.Attributes)] = p.Value
				}
			case metricdata.Sum[int64]:
				for _, p := range d.DataPoints {
					got[m.Name+key(p.Attributes)] = float64(p.Value)
				}
			case metricdata.Histogram[float64]:
				for _, p := range d.DataPoints {
					got[m.Name+key(p.Attributes)] = float64(p.Count)
				}
			}
		}
	}
	want := map[string]float64{
		catalog.MetricProbeDuration + "{hypergen.probe.size=100}":                           1,
		catalog.MetricProbeMemory + "{hypergen.probe.size=100}":                             4_000_000,
		catalog.MetricProbeMemoryPerTemplate + "{hypergen.probe.size=100}":                  4_000,
		catalog.MetricScalabilityExponent + "{hypergen.bound=upper,hypergen.resource=time}": 1.06,
		catalog.MetricTargetMet + "{hypergen.budget=cache_hit_ratio}":                       1,
		catalog.MetricTargetMet + "{hypergen.budget=generation_p95}":                        0,
		catalog.MetricTargetValue + "{hypergen.budget=generation_p95}":                      0.02,
		catalog.MetricProfilingUploads + "{hypergen.outcome=ok}":                            1,
		catalog.MetricAgentReindexes + "{}":                                                 1,
		catalog.MetricAgentRequests + "{hypergen.outcome=refused}":                          1,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}
