package agent

import (
	"context"
	"io"
	"net"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/instrument"
)

// The agent's admin address and the telemetry's own Prometheus endpoint
// default to the same port: the failure says which setting to change.
func TestStartNamesAPrometheusEndpointOnItsAddress(t *testing.T) {
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := free.Addr().String()
	free.Close()
	tel, err := instrument.Setup(context.Background(), instrument.Config{Enabled: true, Metrics: []exporters.Kind{exporters.Prometheus},
		PrometheusListen: addr}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer tel.Shutdown(context.Background())
	a, err := New(Config{Listen: addr, Logger: quietLogger(), Getenv: func(string) string { return "" }, Cwd: t.TempDir()}, tel)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(context.Background()); err == nil || !strings.Contains(err.Error(), `PrometheusListen to ""`) {
		t.Errorf("Start on the Prometheus endpoint's address: %v, want an error naming PrometheusListen", err)
		_ = a.Shutdown(context.Background())
	}
}

// A generation through the API is a hypergen.agent.generate span, the
// root of its run's tree, as docs/metrics.md says: the run's span was the
// root, and the request's span never came.
func TestGenerationRequestIsASpan(t *testing.T) {
	spans := tracetest.NewInMemoryExporter()
	tel, err := instrument.FromProviders(sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans)), sdkmetric.NewMeterProvider())
	if err != nil {
		t.Fatal(err)
	}
	a := startAgent(t, Config{ProbeInterval: -1, Generate: GenerateConfig{Enabled: true, Token: "k"}}, tel)
	for _, args := range [][]string{{"gen", "new", "one"}, {"gen", "nope"}} {
		post(t, a, "k", GenerateRequest{Args: args})
	}
	var requests []tracetest.SpanStub
	parents := map[trace.SpanID]tracetest.SpanStub{}
	for _, s := range spans.GetSpans() {
		if s.Name == "hypergen.agent.generate" {
			requests = append(requests, s)
			parents[s.SpanContext.SpanID()] = s
		}
	}
	if len(requests) != 2 {
		t.Fatalf("%d hypergen.agent.generate spans for two requests", len(requests))
	}
	for _, r := range requests {
		if r.Parent.IsValid() {
			t.Errorf("the request's span has a parent: %v", r.Parent)
		}
	}
	if requests[0].Status.Code == codes.Error || requests[1].Status.Code != codes.Error {
		t.Errorf("statuses %v and %v, want unset and error", requests[0].Status, requests[1].Status)
	}
	runs := 0
	for _, s := range spans.GetSpans() {
		if s.Name == "hypergen.run" {
			runs++
			if _, ok := parents[s.Parent.SpanID()]; !ok {
				t.Errorf("a hypergen.run span whose parent is not a request's span")
			}
		}
	}
	if runs != 2 {
		t.Errorf("%d hypergen.run spans, want 2", runs)
	}
}
