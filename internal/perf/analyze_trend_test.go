package perf

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/perf/stats"
)

// benchRecord is a benchmark of gens generators whose one metric has p50.
func benchRecord(t *testing.T, gens int, p50 float64) Record {
	t.Helper()
	raw, err := json.Marshal(BenchmarkReport{Corpus: CorpusInfo{Generators: gens, Actions: 2, Templates: gens * 10, Seed: 1},
		Metrics: []Metric{{Name: "generation", Summary: stats.Summary{P50: p50}}}, Phases: map[string]float64{"render": 1}})
	if err != nil {
		t.Fatal(err)
	}
	return Record{Kind: "benchmark", Report: raw}
}

// The trend compares the latest benchmark with the latest earlier one on
// the same tree: against a run on a tree of another size it printed a
// change that was no change (+169 % from 10 to 300 generators).
func TestTrendComparesLikeWithLike(t *testing.T) {
	a, err := Analyze([]Record{benchRecord(t, 10, 0.001), benchRecord(t, 300, 0.004), benchRecord(t, 10, 0.002)})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Trends) != 1 || a.Trends[0].Previous != 0.001 || a.Trends[0].Change != 1 {
		t.Errorf("trends = %+v, want the latest 10-generator run against the first, past the 300-generator one", a.Trends)
	}
	a, err = Analyze([]Record{benchRecord(t, 300, 0.004), benchRecord(t, 10, 0.001)})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Trends) != 0 || !strings.Contains(a.TrendNote, "no earlier benchmark ran on the latest one's tree (10 generators") {
		t.Errorf("trends %+v, note %q; want none and a note saying why", a.Trends, a.TrendNote)
	}
}
