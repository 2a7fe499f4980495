package instrument

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// TestZeroSeriesAreCounters: every series the catalog starts at 0 belongs
// to a counter this package creates, with one attribute (or none).
func TestZeroSeriesAreCounters(t *testing.T) {
	counters := (&instruments{}).counters()
	for _, m := range catalog.Metrics {
		if len(m.Zero) == 0 {
			continue
		}
		if _, ok := counters[m.Name]; !ok || m.Kind != catalog.Counter {
			t.Errorf("%s starts at zero but is no counter of newInstruments", m.Name)
		}
		if len(m.Attributes) > 1 || (len(m.Attributes) == 0) != (len(m.Zero) == 1 && m.Zero[0] == "") {
			t.Errorf("%s: Zero %q does not fit its attributes %v", m.Name, m.Zero, m.Attributes)
		}
	}
}

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
