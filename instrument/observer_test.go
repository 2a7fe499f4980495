package instrument

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// inMemory instruments with SDK providers that keep everything in memory.
func inMemory(t *testing.T) (*Telemetry, *tracetest.InMemoryExporter, *sdkmetric.ManualReader) {
	t.Helper()
	spans := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))
	reader := sdkmetric.NewManualReader()
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(reader))
	tel, err := FromProviders(tp, mp)
	if err != nil {
		t.Fatal(err)
	}
	tel.StepSpans = true
	return tel, spans, reader
}

func writeProject(t *testing.T) string {
	t.Helper()
	return writeFiles(t, map[string]string{
		"_templates/gen/new/a.t": "---\nto: out/<%= name %>.txt\n---\nhello <%= name %>\n",
		"_templates/gen/new/b.t": "---\nto: list.txt\ninject: true\nappend: true\n---\n- <%= name %>",
		"list.txt":               "items\n",
	})
}

// writeFiles writes files (path: content) into a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestObserverRecordsSpansAndMetrics(t *testing.T) {
	tel, spans, reader := inMemory(t)
	eng := generator.New(generator.Config{Cwd: writeProject(t), Observer: tel.Observer(), Getenv: func(string) string { return "" }})
	tel.ObserveCache(eng.CacheStats)
	if _, err := eng.Run(context.Background(), []string{"gen", "new", "x"}); err != nil {
		t.Fatal(err)
	}

	byName := map[string][]sdktrace.ReadOnlySpan{}
	for _, s := range spans.GetSpans().Snapshots() {
		byName[s.Name()] = append(byName[s.Name()], s)
	}
	runs := byName["hypergen.run"]
	if len(runs) != 1 {
		t.Fatalf("got %d hypergen.run spans", len(runs))
	}
	root := runs[0]
	if root.Parent().IsValid() {
		t.Error("hypergen.run has a parent")
	}
	assertAttr(t, root.Attributes(), catalog.AttrGenerator, "gen")
	assertAttr(t, root.Attributes(), catalog.AttrAction, "new")
	for _, name := range []string{"hypergen.resolve", "hypergen.list", "hypergen.render", "hypergen.plan", "hypergen.apply",
		"hypergen.op.add", "hypergen.op.inject"} {
		got := byName[name]
		if len(got) != 1 {
			t.Errorf("%s: %d spans, want 1", name, len(got))
			continue
		}
		if got[0].Parent().SpanID() != root.SpanContext().SpanID() {
			t.Errorf("%s is not a child of hypergen.run", name)
		}
	}
	if got := byName["hypergen.template"]; len(got) != 2 {
		t.Errorf("%d template spans, want 2", len(got))
	}
	if got := byName["hypergen.compile"]; len(got) != 2 {
		t.Errorf("%d compile spans, want 2", len(got))
	}
	assertAttr(t, byName["hypergen.op.add"][0].Attributes(), catalog.AttrTarget, "out/x.txt")
	assertAttr(t, byName["hypergen.op.add"][0].Attributes(), catalog.AttrOutcome, "added")

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	sums := map[string]int64{}
	hists := map[string]uint64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, p := range d.DataPoints {
					sums[m.Name+key(p.Attributes)] += p.Value
				}
			case metricdata.Histogram[float64]:
				for _, p := range d.DataPoints {
					hists[m.Name+key(p.Attributes)] += p.Count
				}
			}
		}
	}
	wantSums := map[string]int64{
		catalog.MetricRuns + "{hypergen.outcome=ok}":                                         1,
		catalog.MetricFilesWritten + "{hypergen.operation=add,hypergen.outcome=added}":       1,
		catalog.MetricFilesWritten + "{hypergen.operation=inject,hypergen.outcome=injected}": 1,
		catalog.MetricRenderedBytes + "{}":                                                   int64(len("hello x\n") + len("- x")),
		// Texts with an EJS tag: a.t's path and body, b.t's body ("list.txt"
		// renders to itself without a cache request).
		catalog.MetricCacheRequests + "{hypergen.cache.result=miss}": 3,
	}
	for k, want := range wantSums {
		if sums[k] != want {
			t.Errorf("%s = %d, want %d (all: %v)", k, sums[k], want, sums)
		}
	}
	for _, k := range []string{
		catalog.MetricOperationDuration + "{hypergen.operation=render,hypergen.outcome=ok}",
		catalog.MetricOperationDuration + "{hypergen.operation=run,hypergen.outcome=ok}",
		catalog.MetricStartupDuration + "{hypergen.phase=resolve}",
	} {
		if hists[k] != 1 {
			t.Errorf("%s count = %d, want 1", k, hists[k])
		}
	}
	if hists[catalog.MetricOperationDuration+"{hypergen.operation=compile,hypergen.outcome=ok}"] != 2 {
		t.Errorf("compile count = %d, want 2", hists[catalog.MetricOperationDuration+"{hypergen.operation=compile,hypergen.outcome=ok}"])
	}
}

func TestObserverRecordsErrorsWithLocation(t *testing.T) {
	tel, spans, _ := inMemory(t)
	dir := writeProject(t)
	if err := os.WriteFile(filepath.Join(dir, "_templates/gen/new/c.t"), []byte("---\nto: c\n---\nok\n<%= nope %>"), 0o644); err != nil {
		t.Fatal(err)
	}
	eng := generator.New(generator.Config{Cwd: dir, Observer: tel.Observer(), Getenv: func(string) string { return "" }})
	if _, err := eng.Run(context.Background(), []string{"gen", "new"}); err == nil {
		t.Fatal("run succeeded")
	}
	for _, s := range spans.GetSpans().Snapshots() {
		if s.Name() != "hypergen.run" {
			continue
		}
		if s.Status().Code.String() != "Error" {
			t.Errorf("run status = %v", s.Status())
		}
		assertAttr(t, s.Attributes(), "code.filepath", filepath.Join("_templates", "gen", "new", "c.t"))
		return
	}
	t.Fatal("no hypergen.run span")
}

func TestDisabledObserverIsANoOp(t *testing.T) {
	if _, ok := Disabled().Observer().(observe.Nop); !ok {
		t.Error("a disabled Telemetry should hand out the no-op observer")
	}
	tel, err := Setup(context.Background(), Config{Enabled: true}, nil) // no exporters
	if err != nil || tel.Enabled() {
		t.Errorf("Setup without exporters: enabled=%v err=%v", tel.Enabled(), err)
	}
}

func key(set attribute.Set) string {
	s := "{"
	for i, kv := range set.ToSlice() {
		if i > 0 {
			s += ","
		}
		s += string(kv.Key) + "=" + kv.Value.Emit()
	}
	return s + "}"
}

func assertAttr(t *testing.T, attrs []attribute.KeyValue, k, want string) {
	t.Helper()
	for _, kv := range attrs {
		if string(kv.Key) == k {
			if kv.Value.Emit() != want {
				t.Errorf("%s = %q, want %q", k, kv.Value.Emit(), want)
			}
			return
		}
	}
	t.Errorf("attribute %s missing", k)
}

func TestStepDurationsAsAttributesByDefault(t *testing.T) {
	tel, spans, _ := inMemory(t)
	tel.StepSpans = false
	eng := generator.New(generator.Config{Cwd: writeProject(t), Observer: tel.Observer(), Getenv: func(string) string { return "" }})
	if _, err := eng.Run(context.Background(), []string{"gen", "new", "x"}); err != nil {
		t.Fatal(err)
	}
	templates := 0
	for _, s := range spans.GetSpans().Snapshots() {
		switch s.Name() {
		case "hypergen.read", "hypergen.compile":
			t.Errorf("step span %s without StepSpans", s.Name())
		case "hypergen.template":
			templates++
			found := false
			for _, kv := range s.Attributes() {
				if kv.Key == "hypergen.compile.seconds" && kv.Value.AsFloat64() >= 0 {
					found = true
				}
			}
			if !found {
				t.Errorf("template span lacks hypergen.compile.seconds: %v", s.Attributes())
			}
		}
	}
	if templates != 2 {
		t.Errorf("%d template spans, want 2", templates)
	}
}

// Setup routes OpenTelemetry's errors to its report while it runs, and
// Shutdown hands the process-wide handler back to the host program's.
// Shutdown may be called from two goroutines at once (a signal handler and
// a defer): run with -race.
func TestShutdownHandsBackTheErrorHandler(t *testing.T) {
	var host []error
	var mu sync.Mutex
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) { mu.Lock(); host = append(host, err); mu.Unlock() }))
	tel, err := Setup(context.Background(), Config{Enabled: true, Traces: []exporters.Kind{exporters.Console},
		ConsolePath: filepath.Join(t.TempDir(), "telemetry.jsonl")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { _ = tel.Shutdown(context.Background()) })
	}
	wg.Wait()
	otel.Handle(errors.New("after shutdown"))
	mu.Lock()
	defer mu.Unlock()
	if len(host) != 1 || host[0].Error() != "after shutdown" {
		t.Errorf("the host's handler got %v, want the error sent after Shutdown", host)
	}
}

// A handler the host sets after Setup is the host's to keep: Shutdown put
// back the one Setup had found, over it.
func TestShutdownKeepsALaterErrorHandler(t *testing.T) {
	tel, err := Setup(context.Background(), Config{Enabled: true, Traces: []exporters.Kind{exporters.Console},
		ConsolePath: filepath.Join(t.TempDir(), "telemetry.jsonl")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var got []error
	later := otel.ErrorHandlerFunc(func(err error) { got = append(got, err) })
	otel.SetErrorHandler(later)
	if err := tel.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	otel.Handle(errors.New("after shutdown"))
	if len(got) != 1 {
		t.Errorf("the later handler got %v, want the error sent after Shutdown", got)
	}
}

// Two Telemetrys shut down in the order they were set up: the second hands
// back the host's handler, not the first one's, which is done.
func TestShutdownInSetupOrderHandsBackTheHosts(t *testing.T) {
	var got []error
	otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) { got = append(got, err) }))
	var tels []*Telemetry
	for range 2 {
		tel, err := Setup(context.Background(), Config{Enabled: true, Traces: []exporters.Kind{exporters.Console},
			ConsolePath: filepath.Join(t.TempDir(), "telemetry.jsonl")}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		tels = append(tels, tel)
	}
	for _, tel := range tels {
		if err := tel.Shutdown(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	otel.Handle(errors.New("after shutdown"))
	if len(got) != 1 {
		t.Errorf("the host's handler got %v, want the error sent after both shut down", got)
	}
}

// TestFailedFileStepsAsTheyRan: a file that failed counts its error on the
// step it came from; the steps before it are ok and one that never ran is
// not recorded. Every step of a failed file was an error, and a render
// that never ran was recorded as one.
func TestFailedFileStepsAsTheyRan(t *testing.T) {
	for _, tc := range []struct {
		name, template string
		want           map[string]string // step: outcome ("" not recorded)
	}{
		{"render", "---\nto: c\n---\n<%= nope %>", map[string]string{"read": "ok", "parse": "ok", "compile": "ok", "render_template": "error"}},
		{"compile", "---\nforce: true\n---\n<% if ( %>", map[string]string{"read": "ok", "parse": "ok", "compile": "error", "render_template": ""}},
		{"parse", "---\nto: [\n---\nx", map[string]string{"read": "ok", "parse": "error", "compile": "", "render_template": ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tel, spans, reader := inMemory(t)
			dir := writeFiles(t, map[string]string{"_templates/gen/new/c.t": tc.template})
			eng := generator.New(generator.Config{Cwd: dir, Observer: tel.Observer(), Getenv: func(string) string { return "" }})
			if _, err := eng.Run(context.Background(), []string{"gen", "new"}); err == nil {
				t.Fatal("run succeeded")
			}
			var rm metricdata.ResourceMetrics
			if err := reader.Collect(context.Background(), &rm); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, sm := range rm.ScopeMetrics {
				for _, m := range sm.Metrics {
					h, ok := m.Data.(metricdata.Histogram[float64])
					if !ok || m.Name != catalog.MetricOperationDuration {
						continue
					}
					for _, p := range h.DataPoints {
						op, _ := p.Attributes.Value(catalog.AttrOperation)
						outcome, _ := p.Attributes.Value(catalog.AttrOutcome)
						if _, step := tc.want[op.AsString()]; step {
							got[op.AsString()] += outcome.AsString()
						}
					}
				}
			}
			for step, want := range tc.want {
				if got[step] != want {
					t.Errorf("%s: %q, want %q", step, got[step], want)
				}
			}
			// The step spans say the same.
			for _, s := range spans.GetSpans().Snapshots() {
				step := strings.TrimPrefix(s.Name(), "hypergen.")
				want, isStep := tc.want[step]
				if !isStep {
					continue
				}
				if status := map[bool]string{true: "error", false: "ok"}[s.Status().Code.String() == "Error"]; status != want {
					t.Errorf("span %s: %s, want %q", s.Name(), status, want)
				}
			}
		})
	}
}

// TestUnansweredQuestionIsNoFailure: a run stopped at an overwrite question
// nobody could answer (stdin closed) ends with exit status 0, as hygen's;
// its plan span said it failed.
func TestUnansweredQuestionIsNoFailure(t *testing.T) {
	tel, spans, _ := inMemory(t)
	dir := writeFiles(t, map[string]string{"_templates/gen/new/a.t": "---\nto: a.txt\n---\nnew\n", "a.txt": "old\n"})
	eng := generator.New(generator.Config{Cwd: dir, Observer: tel.Observer(), Getenv: func(string) string { return "" },
		Prompt: func(string) (bool, error) { return false, generator.ErrNoAnswer }})
	if _, err := eng.Run(context.Background(), []string{"gen", "new"}); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, s := range spans.GetSpans().Snapshots() {
		if s.Name() == "hypergen.plan" || s.Name() == "hypergen.run" {
			seen++
			if s.Status().Code.String() == "Error" {
				t.Errorf("%s: %v", s.Name(), s.Status())
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d plan and run spans, want 2", seen)
	}
}
