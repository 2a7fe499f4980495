// The benchmark reads its CPU time with getrusage(2).
//go:build unix

package otlplite_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/grpc"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
)

// cliRun records the 26 spans of a ten-template CLI generation: the run,
// five phases and a render and a write span per template.
func cliRun(tp trace.TracerProvider) {
	tr := tp.Tracer("hypergen")
	ctx, run := tr.Start(context.Background(), "hypergen.run", trace.WithAttributes(
		attribute.String("hypergen.generator", "component"), attribute.String("hypergen.action", "new"),
		attribute.String("hypergen.outcome", "ok"), attribute.Int("hypergen.templates", 10)))
	for _, phase := range []string{"index", "load", "prompt", "render", "apply"} {
		pctx, p := tr.Start(ctx, "hypergen."+phase)
		if phase == "render" || phase == "apply" {
			for i := range 10 {
				_, s := tr.Start(pctx, "hypergen."+phase+".template", trace.WithAttributes(
					attribute.String("hypergen.template", "t"+strconv.Itoa(i)+".ejs.t"), attribute.Bool("hypergen.skipped", false)))
				s.End()
			}
		}
		p.SetStatus(codes.Ok, "")
		p.End()
	}
	run.End()
}

var benchResource = []attribute.KeyValue{
	attribute.String("service.name", "hypergen"), attribute.String("service.version", "bench"),
}

// BenchmarkCLIExport is the per-run telemetry cost of a CLI process: make a
// provider, record the 26 spans, connect and export them at Shutdown, to a
// grpc-go TraceService in a child process, so that cpu-ns/op (user+system
// CPU of this process) and allocs/op count the client side only.
func BenchmarkCLIExport(b *testing.B) {
	addr := startCollectorProcess(b)
	ctx := context.Background()
	for _, warm := range []bool{false, true} {
		name := "otlplite"
		if warm {
			name += "-warm"
		}
		b.Run(name, func(b *testing.B) {
			measureCPU(b, func() {
				tp := otlplite.New(otlplite.Config{Endpoint: addr, Resource: benchResource})
				if warm {
					tp.Warm()
				}
				cliRun(tp)
				if err := tp.Shutdown(ctx); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	b.Run("sdk-otlptracegrpc", func(b *testing.B) {
		measureCPU(b, func() {
			exp, err := otlptracegrpc.New(ctx, otlptracegrpc.WithInsecure(), otlptracegrpc.WithEndpoint(addr))
			if err != nil {
				b.Fatal(err)
			}
			tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp),
				sdktrace.WithResource(resource.NewSchemaless(benchResource...)))
			cliRun(tp)
			if err := tp.Shutdown(ctx); err != nil {
				b.Fatal(err)
			}
		})
	})
}

func measureCPU(b *testing.B, run func()) {
	b.ReportAllocs()
	before := cpuTime()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64((cpuTime()-before).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// collectorProcessEnv makes the test binary serve a TraceService instead of
// running tests (see TestMain).
const collectorProcessEnv = "OTLPLITE_TEST_COLLECTOR"

func TestMain(m *testing.M) {
	if os.Getenv(collectorProcessEnv) != "" {
		serveCollectorProcess()
		return
	}
	os.Exit(m.Run())
}

// serveCollectorProcess prints its address and serves until stdin closes.
func serveCollectorProcess() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	srv := grpc.NewServer()
	coltracepb.RegisterTraceServiceServer(srv, &collector{})
	go srv.Serve(ln)
	fmt.Println(ln.Addr())
	io.Copy(io.Discard, os.Stdin)
	srv.Stop()
}

// startCollectorProcess runs the test binary as a collector until b ends.
func startCollectorProcess(b *testing.B) string {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), collectorProcessEnv+"=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		stdin.Close()
		cmd.Wait()
	})
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatalf("collector process: %v", err)
	}
	return strings.TrimSpace(addr)
}
