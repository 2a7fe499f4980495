package runrecord_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// tee passes every event to both observers.
type tee struct{ a, b generator.Observer }

func (t tee) RunStart(ctx context.Context, args []string) context.Context {
	t.b.RunStart(ctx, args)
	return t.a.RunStart(ctx, args)
}
func (t tee) PhaseDone(ctx context.Context, p generator.Phase, start time.Time, err error) {
	t.a.PhaseDone(ctx, p, start, err)
	t.b.PhaseDone(ctx, p, start, err)
}
func (t tee) FileDone(ctx context.Context, f generator.FileEvent) {
	t.a.FileDone(ctx, f)
	t.b.FileDone(ctx, f)
}
func (t tee) OpDone(ctx context.Context, op generator.OpResult, start time.Time, err error) {
	t.a.OpDone(ctx, op, start, err)
	t.b.OpDone(ctx, op, start, err)
}
func (t tee) RunDone(ctx context.Context, res *generator.Result, err error) {
	t.a.RunDone(ctx, res, err)
	t.b.RunDone(ctx, res, err)
}

// valueError is a named non-pointer error type, whose exception.type the
// record must keep as the tracer names it.
type valueError struct{}

func (valueError) Error() string { return "value error" }

// runs are the event sequences the tests drive, one per failure shape.
var runs = map[string]func(ctx context.Context, obs generator.Observer){
	"success": func(ctx context.Context, obs generator.Observer) {
		ctx = obs.RunStart(ctx, []string{"mod", "new", "x"})
		start := time.Now()
		obs.PhaseDone(ctx, generator.PhaseResolve, start, nil)
		obs.PhaseDone(ctx, generator.PhaseList, start, nil)
		for i := range 3 {
			obs.FileDone(ctx, generator.FileEvent{Template: fmt.Sprintf("_templates/mod/new/f%d.ejs.t", i), Start: time.Now(),
				Read: time.Microsecond, Parse: 2 * time.Microsecond, Compile: 3 * time.Microsecond, Render: 4 * time.Microsecond,
				Bytes: 100 + i, Compiled: i % 2, Cached: 1 - i%2})
		}
		obs.PhaseDone(ctx, generator.PhaseRender, start, nil)
		obs.PhaseDone(ctx, generator.PhasePlan, start, nil)
		for _, op := range []generator.OpResult{
			{Kind: generator.OpAdd, Template: "f0.ejs.t", Target: "src/a.ts", Status: generator.StatusAdded, Bytes: 10},
			{Kind: generator.OpInject, Template: "f1.ejs.t", Target: "index.ts", Status: generator.StatusSkipped},
			{Kind: generator.OpShell, Template: "f2.ejs.t", Target: "echo hi", Status: generator.StatusExecuted},
		} {
			obs.OpDone(ctx, op, time.Now(), nil)
		}
		obs.PhaseDone(ctx, generator.PhaseApply, start, nil)
		obs.RunDone(ctx, &generator.Result{Generator: "mod", Action: "new", Files: 3, Dry: true}, nil)
	},
	"template error": func(ctx context.Context, obs generator.Observer) {
		ctx = obs.RunStart(ctx, nil)
		start := time.Now()
		te := &generator.TemplateError{File: "_templates/mod/new/f.ejs.t", Line: 7, Err: errors.New("x is not defined")}
		obs.FileDone(ctx, generator.FileEvent{Template: "_templates/mod/new/f.ejs.t", Start: start, Err: te,
			Read: time.Millisecond, Parse: time.Millisecond, Compile: time.Millisecond, Render: time.Millisecond, Failed: generator.StepCompile})
		wrapped := fmt.Errorf("render: %w", te)
		obs.PhaseDone(ctx, generator.PhaseRender, start, wrapped)
		obs.RunDone(ctx, &generator.Result{Generator: "mod", Action: "new"}, wrapped)
	},
	"other errors, no result": func(ctx context.Context, obs generator.Observer) {
		ctx = obs.RunStart(ctx, nil)
		obs.OpDone(ctx, generator.OpResult{Kind: generator.OpAdd, Template: "f", Target: "t", Status: generator.StatusAdded}, time.Now(), valueError{})
		obs.PhaseDone(ctx, generator.PhaseResolve, time.Now(), errors.New("no such generator"))
		obs.RunDone(ctx, nil, &generator.TemplateError{File: "f"}) // no line, no inner error
	},
}

// TestReplayGivesTheRunsSpans: a run's record, encoded, decoded and
// replayed later, gives the spans the run's own observer recorded: the same
// tree, names, attributes, statuses, exception events and resource, at the
// run's times (not the replay's).
func TestReplayGivesTheRunsSpans(t *testing.T) {
	res := []attribute.KeyValue{attribute.String("service.name", "replay-test"), attribute.Int("process.pid", 42),
		attribute.Bool("b", true), attribute.Float64("f", 1.5)}
	for name, drive := range runs {
		for _, stepSpans := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/steps=%v", name, stepSpans), func(t *testing.T) {
				live := tracetest.NewSpanRecorder()
				liveTP := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(live), sdktrace.WithResource(resource.NewSchemaless(res...)))
				rec := runrecord.NewRecorder(res, stepSpans)
				drive(context.Background(), tee{observe.New(liveTP.Tracer(catalog.InstrumentationScope), nil, stepSpans), rec})
				b := rec.Bytes()

				time.Sleep(100 * time.Millisecond) // a replay that read the clock would be this late
				decoded, err := runrecord.Decode(b)
				if err != nil {
					t.Fatal(err)
				}
				replayed := tracetest.NewSpanRecorder()
				replayTP := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(replayed), sdktrace.WithResource(resource.NewSchemaless(decoded.Resource...)))
				runrecord.Replay(context.Background(), observe.NewReplayer(replayTP.Tracer(catalog.InstrumentationScope), decoded.StepSpans), decoded)
				compareSpans(t, live.Ended(), replayed.Ended())
			})
		}
	}
}

// compareSpans requires want and got to hold the same spans in the same
// order, times within 20 ms (the record's clock readings are its own).
func compareSpans(t *testing.T, want, got []sdktrace.ReadOnlySpan) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d spans replayed, the run recorded %d", len(got), len(want))
	}
	index := map[[8]byte]int{}
	for i, s := range want {
		index[s.SpanContext().SpanID()] = i
	}
	gotIndex := map[[8]byte]int{}
	for i, s := range got {
		gotIndex[s.SpanContext().SpanID()] = i
	}
	parent := func(ix map[[8]byte]int, s sdktrace.ReadOnlySpan) int {
		if i, ok := ix[s.Parent().SpanID()]; ok {
			return i
		}
		return -1
	}
	// Each observer reads the clock itself, and a loaded machine may pause
	// between the two; a replay on its own clock is off by the test's
	// 100 ms sleep at least.
	near := func(a, b time.Time) bool { d := a.Sub(b); return d < 50*time.Millisecond && d > -50*time.Millisecond }
	for i := range want {
		w, g := want[i], got[i]
		if w.Name() != g.Name() || parent(index, w) != parent(gotIndex, g) {
			t.Errorf("span %d: %q (parent %d), want %q (parent %d)", i, g.Name(), parent(gotIndex, g), w.Name(), parent(index, w))
			continue
		}
		if !near(w.StartTime(), g.StartTime()) || !near(w.EndTime(), g.EndTime()) {
			t.Errorf("%s: %v – %v, the run's span %v – %v", w.Name(), g.StartTime(), g.EndTime(), w.StartTime(), w.EndTime())
		}
		if !same(w.Attributes(), g.Attributes()) {
			t.Errorf("%s: attributes %v, want %v", w.Name(), g.Attributes(), w.Attributes())
		}
		if w.Status() != g.Status() {
			t.Errorf("%s: status %+v, want %+v", w.Name(), g.Status(), w.Status())
		}
		if len(w.Events()) != len(g.Events()) {
			t.Errorf("%s: %d events, want %d", w.Name(), len(g.Events()), len(w.Events()))
		}
		for j := range min(len(w.Events()), len(g.Events())) {
			we, ge := w.Events()[j], g.Events()[j]
			if we.Name != ge.Name || !same(we.Attributes, ge.Attributes) || !near(we.Time, ge.Time) {
				t.Errorf("%s: event %s at %v %v, want %s at %v %v", w.Name(), ge.Name, ge.Time, ge.Attributes, we.Name, we.Time, we.Attributes)
			}
		}
		if !w.Resource().Equal(g.Resource()) {
			t.Errorf("%s: resource %v, want %v", w.Name(), g.Resource(), w.Resource())
		}
	}
}

// same says whether a and b hold the same attributes, in any order.
func same(a, b []attribute.KeyValue) bool {
	sa, sb := attribute.NewSet(a...), attribute.NewSet(b...)
	return sa.Equals(&sb)
}
