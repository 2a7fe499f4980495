package instrument

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// TestCountersStartAtZero: a fresh process reports runs by outcome at 0, and
// an agent its reindexes, requests and uploads, before any event.
func TestCountersStartAtZero(t *testing.T) {
	tel, _, reader := inMemory(t)
	collect := func() map[string]int64 {
		var rm metricdata.ResourceMetrics
		if err := reader.Collect(context.Background(), &rm); err != nil {
			t.Fatal(err)
		}
		out := map[string]int64{}
		for _, sm := range rm.ScopeMetrics {
			for _, m := range sm.Metrics {
				if s, ok := m.Data.(metricdata.Sum[int64]); ok {
					for _, p := range s.DataPoints {
						v, _ := p.Attributes.Value(catalog.AttrOutcome)
						out[m.Name+"{"+v.Emit()+"}"] = p.Value
					}
				}
			}
		}
		return out
	}
	got := collect()
	for _, k := range []string{catalog.MetricRuns + "{ok}", catalog.MetricRuns + "{error}"} {
		if v, ok := got[k]; !ok || v != 0 {
			t.Errorf("%s = %d (reported %v), want 0", k, v, ok)
		}
	}
	if _, ok := got[catalog.MetricAgentRequests+"{ok}"]; ok {
		t.Error("a process that is no agent reports agent requests")
	}
	tel.AgentStarted(context.Background())
	got = collect()
	for _, k := range []string{catalog.MetricAgentRequests + "{ok}", catalog.MetricAgentRequests + "{error}", catalog.MetricAgentRequests + "{refused}",
		catalog.MetricAgentReindexes + "{}", catalog.MetricProfilingUploads + "{ok}", catalog.MetricProfilingUploads + "{error}"} {
		if v, ok := got[k]; !ok || v != 0 {
			t.Errorf("%s = %d (reported %v), want 0", k, v, ok)
		}
	}
}
