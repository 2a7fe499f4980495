package telemetry

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestOtlpliteReachesTheCollector exports through exporters/otlplite to the
// real Collector distribution and checks, in its debug output, that every
// span arrived with its parent, attributes, status and resource: 600 spans,
// so two requests of at most 512 on one connection.
func TestOtlpliteReachesTheCollector(t *testing.T) {
	col := testenv.StartCollector(t, testCollectorConfig)
	tp := otlplite.New(otlplite.Config{Endpoint: col.OTLP,
		Resource: []attribute.KeyValue{attribute.String("service.name", "otlplite-e2e")}})
	tp.Warm()
	tr := tp.Tracer("hypergen")
	ctx, root := tr.Start(context.Background(), "lite.root", trace.WithAttributes(
		attribute.String("hypergen.generator", "svc"), attribute.Int("hypergen.templates", 3), attribute.Bool("ok", false)))
	_, failed := tr.Start(ctx, "lite.failed")
	failed.RecordError(errors.New("template d.ejs.t: undefinedThing is not defined"))
	failed.SetStatus(codes.Error, "render failed")
	failed.End()
	const bulk = 598
	for i := range bulk {
		_, s := tr.Start(ctx, "lite.bulk", trace.WithAttributes(attribute.Int("i", i)))
		s.End()
	}
	root.End()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tp.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}

	var spans []span
	testenv.WaitFor(t, "600 otlplite spans in the debug output", 30*time.Second, func() (bool, string) {
		spans = parseSpans(col.Output())
		return len(spans) == 2+bulk, fmt.Sprintf("%d spans", len(spans))
	})
	byName := map[string][]span{}
	for _, s := range spans {
		byName[s.Name] = append(byName[s.Name], s)
	}
	if len(byName["lite.root"]) != 1 || len(byName["lite.failed"]) != 1 || len(byName["lite.bulk"]) != bulk {
		t.Fatalf("spans by name: root %d, failed %d, bulk %d", len(byName["lite.root"]), len(byName["lite.failed"]), len(byName["lite.bulk"]))
	}
	r := byName["lite.root"][0]
	if r.ParentID != "" {
		t.Errorf("root has parent %q", r.ParentID)
	}
	if r.Attrs["hypergen.generator"] != "svc" || r.Attrs["hypergen.templates"] != "3" || r.Attrs["ok"] != "false" {
		t.Errorf("root attributes %v", r.Attrs)
	}
	seen := map[string]bool{}
	for _, s := range append(byName["lite.bulk"], byName["lite.failed"]...) {
		if s.ParentID != r.ID || s.TraceID != r.TraceID {
			t.Fatalf("%s: trace %s parent %s, want trace %s parent %s", s.Name, s.TraceID, s.ParentID, r.TraceID, r.ID)
		}
		seen[s.Attrs["i"]] = true
	}
	if len(seen) != bulk+1 { // bulk distinct values of i, and "" for lite.failed
		t.Errorf("%d distinct bulk spans, want %d", len(seen)-1, bulk)
	}
	if got := byName["lite.failed"][0].Status; got != "Error" {
		t.Errorf("failed span status %q, want Error", got)
	}
	out := col.Output()
	for _, want := range []string{"service.name: Str(otlplite-e2e)", "exception.message: Str(template d.ejs.t: undefinedThing is not defined)", "Status message : render failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("debug output lacks %q", want)
		}
	}
}
