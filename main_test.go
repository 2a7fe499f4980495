package main

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// TestLinksNoHeavyPackages keeps the everyday binary lean: every hypergen
// process initialises what it links, so what only hypergen-perf needs (the
// OpenTelemetry SDK, gRPC and protobuf, the Prometheus client, Pyroscope,
// net/http, gonum) must stay out of it. A run's OTLP export uses
// exporters/otlplite instead.
func TestLinksNoHeavyPackages(t *testing.T) {
	for _, p := range testenv.LinkedFrom(t, ".", "go.opentelemetry.io/otel/sdk", "go.opentelemetry.io/otel/exporters",
		"google.golang.org/grpc", "google.golang.org/protobuf", "github.com/prometheus/", "github.com/grafana/pyroscope-go",
		"net/http", "gonum.org/") {
		t.Errorf("hypergen links %s", p)
	}
}
