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
	var cpu0 time.Duration
	if col != nil {
		if err := flush(ctx); err != nil {
			b.Fatal(err)
		}
		var err error
		if cpu0, err = col.CPUTime(); err != nil {
			b.Fatal(err)
		}
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
