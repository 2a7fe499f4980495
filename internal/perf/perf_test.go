package perf

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/perf/corpus"
	"github.com/hypergen-dev/hypergen/internal/perf/memlimit"
)

// One small run of everything, end to end: benchmark and scale on real
// trees, history, analysis and export. Sizes are tiny; the figures are not
// judged (targets are reported, never asserted), only their consistency.
func TestBenchmarkScaleHistoryAnalyzeExport(t *testing.T) {
	ctx := context.Background()
	bench, err := Benchmark(ctx, BenchmarkOptions{Iterations: 4, Corpus: corpus.Spec{Generators: 3, Seed: 2}, WorkDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range bench.Metrics {
		names = append(names, m.Name)
		if s := m.Summary; s.N != 4 || s.Min <= 0 || s.Min > s.P50 || s.P50 > s.P99 || s.P99 > s.Max {
			t.Errorf("%s: summary %+v", m.Name, s)
		}
	}
	if !slices.Equal(names, []string{"resolution", "render", "generation"}) {
		t.Errorf("metrics = %v", names)
	}
	// Every timed run after the warm-up reuses the working set's templates.
	if bench.Cache.SteadyHitRate != 1 || bench.Cache.Misses == 0 || bench.Index.Hits == 0 {
		t.Errorf("cache %+v, index %+v", bench.Cache, bench.Index)
	}

	scale, err := Scale(ctx, ScaleOptions{MaxGenerators: 30, Spec: corpus.Spec{Seed: 2}, Reps: 3, WorkDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(scale.Sizes) != 2 || scale.Sizes[1].Templates != 300 {
		t.Fatalf("sizes = %+v", scale.Sizes)
	}
	// The report names the largest tree it asked for, and no target is [].
	if b, _ := json.Marshal(scale); scale.Spec.Generators != 30 || !strings.Contains(string(b), `"targets":[]`) || !strings.Contains(string(b), `"generators":30,"actions"`) {
		t.Errorf("the scale report's spec and targets: %s", b)
	}
	// Two sizes give two medians: too few for a fit, so none is claimed.
	if len(scale.Fits) != 0 {
		t.Errorf("fits claimed from two points: %+v", scale.Fits)
	}

	dir := t.TempDir()
	h := HistoryIn(dir)
	env := CurrentEnvironment("test", memlimit.Setting{Source: "none"})
	for _, r := range []struct {
		kind string
		rep  any
	}{{"benchmark", bench}, {"test", scale}, {"benchmark", bench}} {
		if err := h.Append(r.kind, env, r.rep); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := os.OpenFile(h.Path, os.O_APPEND|os.O_WRONLY, 0)
	// A report that is no object is no run: the export's schema wants one.
	f.WriteString(`{"kind":"benchmark","report":"str"}` + "\n" + `{"kind":"test","report":7}` + "\n")
	f.WriteString(`{"kind":"benchmark","report":{"torn`)
	f.Close()
	if err := h.Append("test", env, scale); err != nil { // after a crash: starts a line of its own
		t.Fatal(err)
	}
	runs, skipped, err := h.Load()
	if err != nil || len(runs) != 4 || skipped != 3 {
		t.Fatalf("runs %d, skipped %d, err %v", len(runs), skipped, err)
	}
	a, err := Analyze(runs)
	if err != nil {
		t.Fatal(err)
	}
	if a.Bottleneck == "" || a.PhaseShares[a.Bottleneck] <= 0 || len(a.Recommendations) == 0 || len(a.Trends) != 3 {
		t.Errorf("analysis = %+v", a)
	}
	for _, tr := range a.Trends {
		if tr.Change != 0 { // the same report twice
			t.Errorf("trend %+v", tr)
		}
	}
	if _, err := Analyze(nil); err == nil || !strings.Contains(err.Error(), "perf benchmark") {
		t.Errorf("empty history: %v", err)
	}

	out := filepath.Join(t.TempDir(), "export.json")
	raw, err := EncodeExport(&Export{Schema: ExportSchema, Environment: env, History: h.Path, Skipped: skipped, Runs: runs})
	if err == nil {
		err = os.WriteFile(out, raw, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	checkAgainstSchema(t, out)
}

// checkAgainstSchema holds an export to export-schema.json: every required
// key present, no key the schema does not know, at the top level, in the
// environment and in each run.
func checkAgainstSchema(t *testing.T, path string) {
	t.Helper()
	var schema struct {
		Required   []string                   `json:"required"`
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	raw, _ := os.ReadFile("export-schema.json")
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	raw, _ = os.ReadFile(path)
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	check := func(what string, obj map[string]json.RawMessage, required []string, props map[string]json.RawMessage) {
		for _, k := range required {
			if _, ok := obj[k]; !ok {
				t.Errorf("%s lacks required %q", what, k)
			}
		}
		for k := range obj {
			if _, ok := props[k]; !ok {
				t.Errorf("%s has %q, which the schema does not document", what, k)
			}
		}
	}
	check("export", doc, schema.Required, schema.Properties)
	var env map[string]json.RawMessage
	json.Unmarshal(doc["environment"], &env)
	check("environment", env, schema.Defs["environment"].Required, schema.Defs["environment"].Properties)
	var runs []map[string]json.RawMessage
	json.Unmarshal(doc["runs"], &runs)
	for _, r := range runs {
		check("run", r, schema.Defs["run"].Required, schema.Defs["run"].Properties)
	}
	if string(doc["schema"]) != `"`+ExportSchema+`"` {
		t.Errorf("schema = %s", doc["schema"])
	}
}

func TestSizes(t *testing.T) {
	if got := Sizes(1000); !slices.Equal(got, []int{10, 30, 100, 300, 1000}) {
		t.Errorf("Sizes(1000) = %v", got)
	}
	if got := Sizes(50); !slices.Equal(got, []int{10, 30, 50}) {
		t.Errorf("Sizes(50) = %v", got)
	}
}

// The progress display is erased by its last frame, the one whose done
// equals its total; benchmark's stopped a step short, so its report began
// on the progress line.
func TestBenchmarkProgressReachesItsTotal(t *testing.T) {
	var last [2]int
	_, err := Benchmark(context.Background(), BenchmarkOptions{Iterations: 3, Corpus: corpus.Spec{Generators: 2, Seed: 2}, WorkDir: t.TempDir(),
		Progress: func(done, total int, _ string) { last = [2]int{done, total} }})
	if err != nil {
		t.Fatal(err)
	}
	if last[0] != last[1] || last[1] == 0 {
		t.Errorf("last progress frame %d/%d", last[0], last[1])
	}
}

// Latest keeps the history's order, newest last, and takes only its kind.
func TestLatestKeepsOrder(t *testing.T) {
	var runs []Record
	for i := range 7 {
		kind := "benchmark"
		if i%3 == 0 {
			kind = "test"
		}
		runs = append(runs, Record{Kind: kind, Report: json.RawMessage(strconv.Itoa(i))})
	}
	var got []string
	for _, r := range Latest(runs, "benchmark", 3) {
		got = append(got, string(r.Report))
	}
	if want := []string{"2", "4", "5"}; !slices.Equal(got, want) {
		t.Errorf("Latest = %v, want %v", got, want)
	}
}

// BenchmarkLatestOfLongHistory: the whole history of one kind, as analyze
// reads it; linear in the history (it was quadratic: 14 s for analyze at
// 16,000 runs).
func BenchmarkLatestOfLongHistory(b *testing.B) {
	runs := make([]Record, 16000)
	for i := range runs {
		runs[i].Kind = "benchmark"
	}
	for b.Loop() {
		Latest(runs, "benchmark", len(runs))
	}
}
