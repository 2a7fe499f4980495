package instrument

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"gopkg.in/yaml.v3"

	"github.com/hypergen-dev/hypergen/budgets"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
)

// attrProblems checks one attribute against the catalog: declared, and, when
// declared bounded, one of its values. metric is true for a metric attribute,
// which must also be bounded.
func attrProblems(where string, kv attribute.KeyValue, metric bool) []string {
	spec, ok := catalog.AttributeSpec(string(kv.Key))
	switch {
	case !ok:
		return []string{fmt.Sprintf("%s: attribute %s is not in catalog.Attributes", where, kv.Key)}
	case metric && spec.Unbounded:
		return []string{fmt.Sprintf("%s: unbounded attribute %s on a metric", where, kv.Key)}
	case !spec.Allows(kv.Value.Emit()):
		return []string{fmt.Sprintf("%s: %s=%q is not one of the values the catalog allows (%s)", where, kv.Key, kv.Value.Emit(), spec.Cardinality())}
	}
	return nil
}

func spanProblems(spans []sdktrace.ReadOnlySpan) []string {
	var out []string
	for _, s := range spans {
		if !slices.Contains(catalog.SpanNames, s.Name()) {
			out = append(out, fmt.Sprintf("span %q is not in instrument.SpanNames", s.Name()))
		}
		for _, kv := range s.Attributes() {
			out = append(out, attrProblems("span "+s.Name(), kv, false)...)
		}
	}
	return out
}

func metricProblems(rm metricdata.ResourceMetrics) []string {
	specs := map[string]catalog.MetricSpec{}
	for _, m := range catalog.Metrics {
		specs[m.Name] = m
	}
	var out []string
	check := func(name string, set attribute.Set) {
		spec, ok := specs[name]
		if !ok {
			if !strings.HasPrefix(name, "go.") { // the runtime instrumentation's
				out = append(out, fmt.Sprintf("metric %s is not in catalog.Metrics", name))
			}
			return
		}
		for _, kv := range set.ToSlice() {
			if !slices.Contains(spec.Attributes, string(kv.Key)) {
				out = append(out, fmt.Sprintf("metric %s: attribute %s is not among its catalogued ones", name, kv.Key))
			}
			out = append(out, attrProblems("metric "+name, kv, true)...)
		}
	}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				each(d.DataPoints, func(p metricdata.DataPoint[int64]) { check(m.Name, p.Attributes) })
			case metricdata.Gauge[int64]:
				each(d.DataPoints, func(p metricdata.DataPoint[int64]) { check(m.Name, p.Attributes) })
			case metricdata.Gauge[float64]:
				each(d.DataPoints, func(p metricdata.DataPoint[float64]) { check(m.Name, p.Attributes) })
			case metricdata.Histogram[float64]:
				each(d.DataPoints, func(p metricdata.HistogramDataPoint[float64]) { check(m.Name, p.Attributes) })
			default:
				out = append(out, fmt.Sprintf("metric %s: unexpected data %T", m.Name, m.Data))
			}
		}
	}
	return out
}

func each[T any](points []T, f func(T)) {
	for _, p := range points {
		f(p)
	}
}

// TestRecordedAttributesAreBounded records real runs — every operation kind,
// skipped and failing ones, names and paths that differ on every run, with
// and without step spans — and the agent's measurements, and checks every
// span and metric attribute against the catalog.
func TestRecordedAttributesAreBounded(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"_templates/gen/new/a.t":        "---\nto: out/<%= name %>.txt\n---\nhello <%= name %>\n",
		"_templates/gen/new/b.t":        "---\nto: list.txt\ninject: true\nappend: true\n---\n- <%= name %>",
		"_templates/gen/new/c.t":        "---\nto: fixed.txt\n---\nsame every time\n",
		"_templates/gen/new/d.t":        "---\nsh: cat > /dev/null\n---\nbody\n",
		"_templates/gen/new/e.t":        "---\necho: note <%= name %>\n---\n",
		"_templates/gen/new/f.liquid.t": "---\nto: liquid/{{ name }}.txt\n---\n{{ name }}\n",
		"_templates/bad/new/x.t":        "---\nto: x.txt\n---\n<%= missing %>\n",
		"list.txt":                      "items\n",
	})
	tel, spans, reader := inMemory(t)
	ctx := context.Background()
	tel.AgentStarted(ctx)
	eng := generator.New(generator.Config{Cwd: dir, Observer: tel.Observer(), Getenv: func(string) string { return "" }})
	tel.ObserveCache(eng.CacheStats)
	tel.ObserveIndex(func() (int64, int64) { return 2, 7 })
	for i, args := range [][]string{
		{"gen", "new", uuid.NewString()}, {"gen", "new", "/tmp/" + uuid.NewString()}, {"gen", "new", "again"},
		{"gen", "new", "again"}, {"bad", "new", "y"}, {"nope", "new", "z"},
	} {
		tel.StepSpans = i%2 == 0
		_, _ = eng.Run(ctx, args) // failures are part of the point
	}
	tel.RecordProbe(ctx, 100, 1000, time.Millisecond, 1<<20)
	tel.SetExponent("time", 1, 0.9, 1.1)
	for _, b := range budgets.Budgets {
		tel.SetTarget(b.Name, b.Limit, true)
	}
	tel.ProfilingUpload(ctx, errors.New("refused"))
	tel.Reindexed(ctx)
	tel.AgentRequest(ctx, "refused")

	recorded := spans.GetSpans().Snapshots()
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(ctx, &rm); err != nil {
		t.Fatal(err)
	}
	if len(recorded) < 20 || len(rm.ScopeMetrics) == 0 {
		t.Fatalf("recorded %d spans and %d metric scopes: too little to judge", len(recorded), len(rm.ScopeMetrics))
	}
	for _, p := range append(spanProblems(recorded), metricProblems(rm)...) {
		t.Error(p)
	}
}

// TestBoundCheckCatchesUnboundedValues: the checks above report a path in a
// bounded attribute, an undeclared key, and an unbounded metric attribute.
func TestBoundCheckCatchesUnboundedValues(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	_, s := tp.Tracer("t").Start(context.Background(), "hypergen.template")
	s.SetAttributes(attribute.String(catalog.AttrResult, "_templates/gen/new/a.t"), attribute.String("hypergen.novel", "x"))
	s.End()
	got := strings.Join(spanProblems(rec.Ended()), "\n")
	for _, want := range []string{"hypergen.cache.result=\"_templates/gen/new/a.t\" is not one of", "hypergen.novel is not in"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems %q lack %q", got, want)
		}
	}
	if p := attrProblems("metric x", attribute.String(catalog.AttrTemplate, "a.t"), true); len(p) != 1 || !strings.Contains(p[0], "unbounded") {
		t.Errorf("an unbounded metric attribute is reported as %v", p)
	}
}

// TestCollectorDimensionsAreBounded: the spanmetrics connector in the
// shipped pipeline keys series only by bounded attributes, the ones the
// catalog lists for the derived metrics, with the catalog's bucket bounds.
func TestCollectorDimensionsAreBounded(t *testing.T) {
	raw, err := os.ReadFile("../otel-collector.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Connectors struct {
			SpanMetrics struct {
				Namespace  string
				Dimensions []struct{ Name string }
				Histogram  struct {
					Explicit struct{ Buckets []string }
				}
			} `yaml:"span_metrics"`
		}
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatal(err)
	}
	sm := cfg.Connectors.SpanMetrics
	if sm.Namespace+".calls" != catalog.MetricSpanCalls || sm.Namespace+".duration" != catalog.MetricSpanDuration {
		t.Errorf("spanmetrics namespace %q does not give %s and %s", sm.Namespace, catalog.MetricSpanCalls, catalog.MetricSpanDuration)
	}
	var dims []string
	for _, d := range sm.Dimensions {
		dims = append(dims, d.Name)
		spec, ok := catalog.AttributeSpec(d.Name)
		if !ok || spec.Unbounded {
			t.Errorf("spanmetrics dimension %s is not a bounded attribute of the catalog", d.Name)
		}
	}
	if !slices.Equal(dims, catalog.SpanDimensions) {
		t.Errorf("spanmetrics dimensions %v, the catalog says %v", dims, catalog.SpanDimensions)
	}
	var buckets []float64
	for _, b := range sm.Histogram.Explicit.Buckets {
		d, err := time.ParseDuration(b)
		if err != nil {
			t.Fatal(err)
		}
		buckets = append(buckets, d.Seconds())
	}
	if !slices.Equal(buckets, catalog.DurationBuckets) {
		t.Errorf("spanmetrics buckets %v, want catalog.DurationBuckets %v", buckets, catalog.DurationBuckets)
	}
}
