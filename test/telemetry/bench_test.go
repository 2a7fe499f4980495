package telemetry

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// tenTemplates is an action of ten templates: eight adds with helpers and a
// loop, and two injects.
func tenTemplates(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	write := func(p, c string) {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 8; i++ {
		write(fmt.Sprintf("_templates/mod/new/f%d.ejs.t", i), fmt.Sprintf(`---
to: src/<%%= h.changeCase.param(name) %%>/part%d.ts
---
// <%%= h.inflection.humanize(h.changeCase.snake(name)) %%> part %d
export class <%%= Name %%>Part%d {
<%% for (const f of ['id', 'name', 'createdAt']) { -%%>
  <%%= f %%>?: string;
<%% } -%%>
}
`, i, i, i))
	}
	for i := 0; i < 2; i++ {
		write(fmt.Sprintf("_templates/mod/new/z%d.ejs.t", i), fmt.Sprintf(`---
to: registry%d.ts
inject: true
append: true
skip_if: <%%= Name %%>Part
---
export * from './src/<%%= h.changeCase.param(name) %%>/part%d';`, i, i))
		write(fmt.Sprintf("registry%d.ts", i), "// registry\n")
	}
	return dir
}

// benchGenerate runs the action b.N times with obs. onEngine, if set, sees
// the engine first. With a collector, the benchmark also reports the CPU time
// the Collector process spent per run (collector-ms/op), measured after
// flush has handed it every span.
func benchGenerate(b *testing.B, obs generator.Observer, onEngine func(*generator.Engine),
	col *testenv.Collector, flush func(context.Context) error) {
	dir := tenTemplates(b)
	env := map[string]string{"HYGEN_OVERWRITE": "1"}
	eng := generator.New(generator.Config{Cwd: dir, Observer: obs, Stdout: io.Discard,
		Getenv: func(k string) string { return env[k] }})
	if onEngine != nil {
		onEngine(eng)
	}
	ctx := context.Background()
	args := []string{"mod", "new", "billingAccount"}
	if _, err := eng.Run(ctx, args); err != nil { // warm the compile cache
		b.Fatal(err)
	}
	report := func() {}
	if col != nil {
		if err := flush(ctx); err != nil {
			b.Fatal(err)
		}
		report = collectorCPU(b, col)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := eng.Run(ctx, args); err != nil {
			b.Fatal(err)
		}
	}
	if col != nil {
		b.StopTimer()
		if err := flush(ctx); err != nil {
			b.Fatal(err)
		}
		report()
	}
}

// collectorCPU starts counting the CPU time col uses; the function it
// returns reports it per iteration, as collector-ms/op.
func collectorCPU(b *testing.B, col *testenv.Collector) func() {
	b.Helper()
	cpu0, err := col.CPUTime()
	if err != nil {
		b.Fatal(err)
	}
	return func() {
		cpu1, err := col.CPUTime()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "collector-ms/op")
	}
}

// BenchmarkGeneration compares one generation of a ten-template action with
// telemetry off, on without any export, and on exporting to a real local
// Collector (the shipped pipeline) over OTLP/gRPC as a CLI run does: spans
// only (Config.OneShot).
func BenchmarkGeneration(b *testing.B) {
	b.Run("off", func(b *testing.B) {
		benchGenerate(b, instrument.Disabled().Observer(), nil, nil, nil)
	})
	b.Run("on_no_export", func(b *testing.B) {
		tp := sdktrace.NewTracerProvider()
		mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(sdkmetric.NewManualReader()))
		tel, err := instrument.FromProviders(tp, mp)
		if err != nil {
			b.Fatal(err)
		}
		benchGenerate(b, tel.Observer(), func(e *generator.Engine) { tel.ObserveCache(e.CacheStats) }, nil, nil)
	})
	b.Run("on_collector", func(b *testing.B) {
		col := testenv.StartShippedCollector(b)
		b.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://"+col.OTLP)
		b.Setenv("OTEL_EXPORTER_OTLP_INSECURE", "true")
		tel, err := instrument.Setup(context.Background(), instrument.Config{Enabled: true, ServiceName: "hypergen-bench",
			Traces: []exporters.Kind{exporters.OTLP}, Metrics: []exporters.Kind{exporters.OTLP}, Retry: true, OneShot: true}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		defer tel.Shutdown(context.Background())
		benchGenerate(b, tel.Observer(), func(e *generator.Engine) { tel.ObserveCache(e.CacheStats) },
			col, tel.TracerProvider.(*sdktrace.TracerProvider).ForceFlush)
	})
}

// replayRun reports to obs the events of one run of a ten-template action
// (five phases, ten templates, ten operations), as the engine does, without
// running the engine: what the telemetry costs, alone.
func replayRun(ctx context.Context, obs generator.Observer, files []generator.FileEvent, ops []generator.OpResult) {
	ctx = obs.RunStart(ctx, []string{"mod", "new", "billingAccount"})
	start := time.Now()
	obs.PhaseDone(ctx, generator.PhaseResolve, start, nil)
	obs.PhaseDone(ctx, generator.PhaseList, start, nil)
	for _, f := range files {
		obs.FileDone(ctx, f)
	}
	obs.PhaseDone(ctx, generator.PhaseRender, start, nil)
	obs.PhaseDone(ctx, generator.PhasePlan, start, nil)
	for _, op := range ops {
		obs.OpDone(ctx, op, start, nil)
	}
	obs.PhaseDone(ctx, generator.PhaseApply, start, nil)
	obs.RunDone(ctx, &generator.Result{Generator: "mod", Action: "new", Files: len(files), Ops: ops}, nil)
}

// BenchmarkObserverRun is the telemetry of one CLI run alone: the events of
// a ten-template run replayed to the Observer of a one-shot pipeline that
// exports to a real local Collector (the shipped pipeline). ns/op and
// allocs/op are the run's telemetry cost in the process; collector-ms/op
// the Collector's. "run" keeps one pipeline and exports after every run;
// "process" also sets the pipeline up and shuts it down for every run, as
// a CLI process does (a new connection to the Collector each time).
func BenchmarkObserverRun(b *testing.B) {
	var files []generator.FileEvent
	var ops []generator.OpResult
	now := time.Now()
	for i := 0; i < 10; i++ {
		tmpl := fmt.Sprintf("_templates/mod/new/f%d.ejs.t", i)
		files = append(files, generator.FileEvent{Template: tmpl, Start: now, Read: 20 * time.Microsecond,
			Parse: 40 * time.Microsecond, Render: 300 * time.Microsecond, Bytes: 180, Cached: 2})
		ops = append(ops, generator.OpResult{Kind: generator.OpAdd, Template: tmpl,
			Target: fmt.Sprintf("src/billing-account/part%d.ts", i), Status: generator.StatusForced, Bytes: 180})
	}
	ctx := context.Background()
	setup := func(b *testing.B) *instrument.Telemetry {
		tel, err := instrument.Setup(ctx, instrument.Config{Enabled: true, ServiceName: "hypergen-bench",
			Traces: []exporters.Kind{exporters.OTLP}, OneShot: true}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		return tel
	}
	// measure runs one (warm-up) and then b.N iterations of run, and
	// reports the Collector's CPU time per iteration.
	measure := func(b *testing.B, run func()) {
		col := testenv.StartShippedCollector(b)
		b.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://"+col.OTLP)
		b.Setenv("OTEL_EXPORTER_OTLP_INSECURE", "true")
		run()
		report := collectorCPU(b, col)
		b.ReportAllocs()
		for b.Loop() {
			run()
		}
		b.StopTimer()
		report()
	}
	b.Run("run", func(b *testing.B) {
		var tel *instrument.Telemetry
		measure(b, func() {
			if tel == nil {
				tel = setup(b)
				b.Cleanup(func() { _ = tel.Shutdown(ctx) })
			}
			replayRun(ctx, tel.Observer(), files, ops)
			// As a CLI run does, export before the next run: a batch of one run.
			if err := tel.TracerProvider.(*sdktrace.TracerProvider).ForceFlush(ctx); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("process", func(b *testing.B) {
		measure(b, func() {
			tel := setup(b)
			replayRun(ctx, tel.Observer(), files, ops)
			if err := tel.Shutdown(ctx); err != nil {
				b.Fatal(err)
			}
		})
	})
}
