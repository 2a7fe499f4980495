package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoHeavyPackages keeps the everyday binary lean: every hypergen
// process initialises what it links, so what only hypergen-perf needs (the
// OpenTelemetry SDK, gRPC and protobuf, the Prometheus client, Pyroscope,
// net/http, gonum) must stay out of it. A run's OTLP export uses
// exporters/otlplite instead.
func TestLinksNoHeavyPackages(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	heavy := []string{"go.opentelemetry.io/otel/sdk", "go.opentelemetry.io/otel/exporters", "google.golang.org/grpc",
		"google.golang.org/protobuf", "github.com/prometheus/", "github.com/grafana/pyroscope-go", "net/http", "gonum.org/"}
	deps := strings.Fields(string(out))
	for _, d := range deps {
		for _, h := range heavy {
			if strings.HasPrefix(d, h) {
				t.Errorf("hypergen links %s", d)
			}
		}
	}
	if len(deps) < 100 {
		t.Fatalf("go list -deps gave %d packages: %q", len(deps), out)
	}
}
