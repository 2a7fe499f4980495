package instrument

import (
	"testing"

	"github.com/hypergen-dev/hypergen/exporters"
)

// The timeout message names the endpoints the OTLP exporters read from the
// environment, as they read them.
func TestOTLPEndpoints(t *testing.T) {
	otlp := []exporters.Kind{exporters.OTLP}
	tests := []struct {
		name            string
		traces, metrics []exporters.Kind
		env             map[string]string
		want            string
	}{
		{"shared endpoint, named once", otlp, otlp, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4317"},
			"the collector at http://c:4317"},
		{"signal endpoint first", otlp, otlp, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4317",
			"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT": "http://m:4317"}, "the collector at http://c:4317 and the collector at http://m:4317"},
		{"the SDK's default", otlp, nil, nil, "the collector at localhost:4317"},
		{"a password is not shown", otlp, nil, map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "https://user:s3cr3t@c:4317"},
			"the collector at https://user:xxxxx@c:4317"},
		{"no OTLP exporter", []exporters.Kind{exporters.Console}, nil, nil, "the telemetry exporters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := otlpEndpoints(Config{Traces: tt.traces, Metrics: tt.metrics}, envOf(tt.env)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
