package instrument

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/exporters"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name            string
		env             map[string]string
		enabled         bool
		traces, metrics []exporters.Kind
	}{
		{"nothing configured: no exporters, no network", nil, true, nil, nil},
		{"an endpoint turns on OTLP for both", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317"},
			true, []exporters.Kind{exporters.OTLP}, []exporters.Kind{exporters.OTLP}},
		{"a signal endpoint turns on that signal", map[string]string{"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT": "localhost:4317"},
			true, nil, []exporters.Kind{exporters.OTLP}},
		{"explicit lists", map[string]string{"OTEL_TRACES_EXPORTER": "console", "OTEL_METRICS_EXPORTER": "prometheus,otlp"},
			true, []exporters.Kind{exporters.Console}, []exporters.Kind{exporters.Prometheus, exporters.OTLP}},
		{"none wins over an endpoint", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://x:1", "OTEL_TRACES_EXPORTER": "none"},
			true, nil, []exporters.Kind{exporters.OTLP}},
		{"OTEL_SDK_DISABLED", map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "console"},
			false, []exporters.Kind{exporters.Console}, nil},
		{"HYPERGEN_PERFORMANCE_ENABLED=false", map[string]string{"HYPERGEN_PERFORMANCE_ENABLED": "false"}, false, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := FromEnv(envOf(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Enabled != tt.enabled || !reflect.DeepEqual(cfg.Traces, tt.traces) || !reflect.DeepEqual(cfg.Metrics, tt.metrics) {
				t.Errorf("got enabled=%v traces=%v metrics=%v", cfg.Enabled, cfg.Traces, cfg.Metrics)
			}
		})
	}
}

func TestFromEnvRejectsBadValues(t *testing.T) {
	for name, value := range map[string]string{
		"OTEL_SDK_DISABLED":                 "maybe",
		"HYPERGEN_PERFORMANCE_ENABLED":      "sometimes",
		"OTEL_TRACES_EXPORTER":              "zipkin",
		"OTEL_METRICS_EXPORTER":             "otlp,graphite",
		"OTEL_EXPORTER_OTLP_PROTOCOL":       "http/protobuf",
		"OTEL_EXPORTER_OTLP_TIMEOUT":        "10s",
		"OTEL_EXPORTER_OTLP_INSECURE":       "yes please",
		"OTEL_EXPORTER_OTLP_ENDPOINT":       "::not a url",
		"HYPERGEN_TELEMETRY_TIMEOUT":        "soon",
		"OTEL_METRIC_EXPORT_INTERVAL":       "-5",
		"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT": "x",
		"HYPERGEN_TRACE_STEPS":              "verbose",
	} {
		_, err := FromEnv(envOf(map[string]string{name: value}))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s=%q: err = %v, want an error naming the variable", name, value, err)
		}
	}
	// Settings the SDK would only log: errors where something is exported,
	// nothing to check (and no telemetry) where nothing is.
	for name, value := range map[string]string{
		"OTEL_EXPORTER_OTLP_COMPRESSION":         "zstd",
		"OTEL_EXPORTER_OTLP_TRACES_HEADERS":      "bad header",
		"OTEL_RESOURCE_ATTRIBUTES":               "=,,=x",
		"OTEL_TRACES_SAMPLER":                    "bogus",
		"OTEL_EXPORTER_OTLP_METRICS_COMPRESSION": "br",
		"OTEL_BSP_MAX_QUEUE_SIZE":                "-5",
		"OTEL_BSP_MAX_EXPORT_BATCH_SIZE":         "99999999999999",
		"OTEL_BSP_SCHEDULE_DELAY":                "0",
		"OTEL_BSP_EXPORT_TIMEOUT":                "soon",
		"OTEL_METRIC_EXPORT_TIMEOUT":             "0",
	} {
		_, err := FromEnv(envOf(map[string]string{name: value, "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317"}))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s=%q with an endpoint: err = %v, want an error naming the variable", name, value, err)
		}
		if cfg, err := FromEnv(envOf(map[string]string{name: value})); err != nil || len(cfg.Traces)+len(cfg.Metrics) > 0 {
			t.Errorf("%s=%q alone: %v, %v; want no error and no exporter", name, value, cfg.Traces, err)
		}
	}
	for _, env := range []map[string]string{
		{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:99999"},
		{"OTEL_EXPORTER_OTLP_ENDPOINT": "ftp://127.0.0.1:4317"},
		{"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT": "collector:port"},
		{"OTEL_TRACES_SAMPLER": "traceidratio", "OTEL_TRACES_SAMPLER_ARG": "2", "OTEL_TRACES_EXPORTER": "console"},
		{"OTEL_TRACES_SAMPLER": "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG": "half", "OTEL_TRACES_EXPORTER": "console"},
	} {
		if _, err := FromEnv(envOf(env)); err == nil {
			t.Errorf("%v accepted", env)
		}
	}
	for _, env := range []map[string]string{
		{"OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4317"},
		{"OTEL_EXPORTER_OTLP_ENDPOINT": "https://[::1]:4317/"},
		{"OTEL_EXPORTER_OTLP_HEADERS": "a=1, b=%20two,"},
		{"OTEL_TRACES_SAMPLER": "parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG": "0.25"},
		{"OTEL_TRACES_SAMPLER": "always_off", "OTEL_TRACES_SAMPLER_ARG": "ignored"},
		{"OTEL_EXPORTER_OTLP_COMPRESSION": "gzip"},
		{"OTEL_BSP_MAX_QUEUE_SIZE": "4096", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "512", "OTEL_BSP_SCHEDULE_DELAY": "50", "OTEL_BSP_EXPORT_TIMEOUT": "0"},
		{"OTEL_TRACES_SAMPLER": " ParentBased_TraceIdRatio ", "OTEL_TRACES_SAMPLER_ARG": " 0.5", "OTEL_TRACES_EXPORTER": "console"},
	} {
		if _, err := FromEnv(envOf(env)); err != nil {
			t.Errorf("%v refused: %v", env, err)
		}
	}
	// An exporter named twice would export everything twice, or open a
	// second pull endpoint on the first one's port.
	for name, value := range map[string]string{"OTEL_METRICS_EXPORTER": "prometheus, prometheus", "OTEL_TRACES_EXPORTER": "otlp,console,otlp"} {
		_, err := FromEnv(envOf(map[string]string{name: value}))
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "named twice") {
			t.Errorf("%s=%q: err = %v, want one naming the variable and the repeated exporter", name, value, err)
		}
	}
	// prometheus is a metrics-only exporter
	if _, err := FromEnv(envOf(map[string]string{"OTEL_TRACES_EXPORTER": "prometheus"})); err == nil {
		t.Error("OTEL_TRACES_EXPORTER=prometheus accepted")
	}
}

func TestFromEnvTimeout(t *testing.T) {
	cfg, err := FromEnv(envOf(map[string]string{"HYPERGEN_TELEMETRY_TIMEOUT": "750ms"}))
	if err != nil || cfg.ShutdownTimeout != 750*time.Millisecond {
		t.Errorf("timeout = %v, %v", cfg.ShutdownTimeout, err)
	}
}
