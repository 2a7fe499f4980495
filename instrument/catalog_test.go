package instrument

import (
	"context"
	"os"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// TestCatalogDocIsCurrent keeps docs/metrics.md in step with the code.
func TestCatalogDocIsCurrent(t *testing.T) {
	got, err := os.ReadFile("../docs/metrics.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != CatalogMarkdown() {
		t.Fatal("docs/metrics.md is stale: run `go run ./instrument/cmd/catalog > docs/metrics.md`")
	}
}

func TestCatalogFollowsConventions(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range Catalog {
		if seen[m.Name] {
			t.Errorf("%s declared twice", m.Name)
		}
		seen[m.Name] = true
		if !strings.HasPrefix(m.Name, "hypergen.") {
			t.Errorf("%s: names start with hypergen.", m.Name)
		}
		if m.Unit == "" || m.Description == "" {
			t.Errorf("%s: unit and description are required", m.Name)
		}
		if m.Kind == Histogram && m.Unit != "s" {
			t.Errorf("%s: durations are in seconds", m.Name)
		}
		for _, a := range m.Attributes {
			switch a {
			case AttrGenerator, AttrAction, AttrTemplate, AttrTarget:
				t.Errorf("%s: %s is high-cardinality and belongs on spans only", m.Name, a)
			}
		}
	}
}

// TestZeroSeriesAreCounters: every series the catalog starts at 0 belongs
// to a counter this package creates, with one attribute (or none).
func TestZeroSeriesAreCounters(t *testing.T) {
	counters := (&instruments{}).counters()
	for _, m := range Catalog {
		if len(m.Zero) == 0 {
			continue
		}
		if _, ok := counters[m.Name]; !ok || m.Kind != Counter {
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
						v, _ := p.Attributes.Value(AttrOutcome)
						out[m.Name+"{"+v.Emit()+"}"] = p.Value
					}
				}
			}
		}
		return out
	}
	got := collect()
	for _, k := range []string{MetricRuns + "{ok}", MetricRuns + "{error}"} {
		if v, ok := got[k]; !ok || v != 0 {
			t.Errorf("%s = %d (reported %v), want 0", k, v, ok)
		}
	}
	if _, ok := got[MetricAgentRequests+"{ok}"]; ok {
		t.Error("a process that is no agent reports agent requests")
	}
	tel.AgentStarted(context.Background())
	got = collect()
	for _, k := range []string{MetricAgentRequests + "{ok}", MetricAgentRequests + "{error}", MetricAgentRequests + "{refused}",
		MetricAgentReindexes + "{}", MetricProfilingUploads + "{ok}", MetricProfilingUploads + "{error}"} {
		if v, ok := got[k]; !ok || v != 0 {
			t.Errorf("%s = %d (reported %v), want 0", k, v, ok)
		}
	}
}
