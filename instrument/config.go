package instrument

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/internal/envflag"
)

// Config is the telemetry configuration, read from the environment by
// FromEnv and adjustable by flags before Setup.
type Config struct {
	Enabled        bool // false: no providers at all, the Observer does nothing
	ServiceName    string
	ServiceVersion string
	Traces         []exporters.Kind
	Metrics        []exporters.Kind
	// ShutdownTimeout bounds the final flush (HYPERGEN_TELEMETRY_TIMEOUT).
	ShutdownTimeout time.Duration
	// TimeoutSetting names what sets ShutdownTimeout in the message of a
	// flush that ran out of time (default HYPERGEN_TELEMETRY_TIMEOUT; the
	// agent's is its --shutdown-timeout flag).
	TimeoutSetting string
	// Retry makes OTLP exports retry; off for CLI runs so an unreachable
	// collector costs at most one failed attempt.
	Retry bool
	// PrometheusListen serves /metrics when the prometheus exporter is used
	// (HYPERGEN_PROMETHEUS_LISTEN, default 127.0.0.1:9464).
	PrometheusListen string
	// ConsolePath is where the console exporter writes (HYPERGEN_TELEMETRY_FILE;
	// default stderr, so generated output on stdout stays clean).
	ConsolePath    string
	MetricInterval time.Duration
	// StepSpans: a span per template step (HYPERGEN_TRACE_STEPS=true).
	StepSpans bool
	// OneShot marks a short-lived process (a CLI run). It exports spans and,
	// unless OTEL_METRICS_EXPORTER names an exporter, no metrics: cumulative
	// series from each process would be one-sample series that rate()
	// cannot see. The Collector derives the counts from the spans instead
	// (see docs/metrics.md).
	OneShot bool
	// Forwarding readies Forward: the process passes on spans that ended
	// in others (the agent relaying CLI runs, --relay).
	Forwarding bool

	metricsChosen bool // OTEL_METRICS_EXPORTER was set
}

// DefaultShutdownTimeout bounds the last flush of a CLI run.
const DefaultShutdownTimeout = 2 * time.Second

// FromEnv reads the standard OTEL_* variables and hypergen's own. Every bad
// value is an error naming the variable. Unless an exporter is chosen
// explicitly, OTLP is used when an OTLP endpoint is set and nothing otherwise,
// so a plain CLI run never touches the network.
func FromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		Enabled:          true,
		ServiceName:      "hypergen",
		ShutdownTimeout:  DefaultShutdownTimeout,
		PrometheusListen: "127.0.0.1:9464",
	}
	var err error
	disabled, err := envflag.Bool(getenv, "OTEL_SDK_DISABLED", false)
	if err != nil {
		return cfg, err
	}
	perf, err := envflag.Bool(getenv, "HYPERGEN_PERFORMANCE_ENABLED", true)
	if err != nil {
		return cfg, err
	}
	cfg.Enabled = !disabled && perf
	if cfg.StepSpans, err = envflag.Bool(getenv, "HYPERGEN_TRACE_STEPS", false); err != nil {
		return cfg, err
	}
	if v := getenv("OTEL_SERVICE_NAME"); v != "" {
		cfg.ServiceName = v
	}
	if v := getenv("HYPERGEN_TELEMETRY_TIMEOUT"); v != "" {
		if cfg.ShutdownTimeout, err = time.ParseDuration(v); err != nil || cfg.ShutdownTimeout <= 0 {
			return cfg, fmt.Errorf("HYPERGEN_TELEMETRY_TIMEOUT=%q: want a positive duration such as 2s or 500ms", v)
		}
	}
	if v := getenv("HYPERGEN_PROMETHEUS_LISTEN"); v != "" {
		cfg.PrometheusListen = v
	}
	cfg.ConsolePath = getenv("HYPERGEN_TELEMETRY_FILE")
	if v := getenv("OTEL_METRIC_EXPORT_INTERVAL"); v != "" {
		ms, err := strconv.Atoi(v)
		if err != nil || ms <= 0 {
			return cfg, fmt.Errorf("OTEL_METRIC_EXPORT_INTERVAL=%q: want a positive number of milliseconds", v)
		}
		cfg.MetricInterval = time.Duration(ms) * time.Millisecond
	}
	if err := checkOTLPEnv(getenv); err != nil {
		return cfg, err
	}
	endpointSet := func(signal string) bool {
		return getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != "" || getenv("OTEL_EXPORTER_OTLP_"+signal+"_ENDPOINT") != ""
	}
	if cfg.Traces, err = exporterList(getenv, "OTEL_TRACES_EXPORTER", endpointSet("TRACES"), false); err != nil {
		return cfg, err
	}
	if cfg.Metrics, err = exporterList(getenv, "OTEL_METRICS_EXPORTER", endpointSet("METRICS"), true); err != nil {
		return cfg, err
	}
	cfg.metricsChosen = strings.TrimSpace(getenv("OTEL_METRICS_EXPORTER")) != ""
	return cfg, nil
}

func exporterList(getenv func(string) string, name string, endpointSet, metrics bool) ([]exporters.Kind, error) {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		if endpointSet {
			return []exporters.Kind{exporters.OTLP}, nil
		}
		return nil, nil
	}
	var out []exporters.Kind
	for _, part := range strings.Split(v, ",") {
		k := exporters.Kind(strings.TrimSpace(part))
		switch {
		case k == exporters.None:
			return nil, nil
		case k == exporters.OTLP, k == exporters.Console, k == exporters.Prometheus && metrics:
			out = append(out, k)
		default:
			allowed := "otlp, console, none"
			if metrics {
				allowed = "otlp, prometheus, console, none"
			}
			return nil, fmt.Errorf("%s=%q: unknown exporter %q (choose from %s)", name, v, k, allowed)
		}
	}
	return out, nil
}

// checkOTLPEnv rejects OTLP settings the exporters would otherwise ignore
// with a default: a bad protocol, timeout, flag or endpoint.
func checkOTLPEnv(getenv func(string) string) error {
	for _, sig := range []string{"", "TRACES_", "METRICS_"} {
		if v := getenv("OTEL_EXPORTER_OTLP_" + sig + "PROTOCOL"); v != "" && v != "grpc" {
			return fmt.Errorf("OTEL_EXPORTER_OTLP_%sPROTOCOL=%q: hypergen exports OTLP over gRPC only (use grpc)", sig, v)
		}
		if v := getenv("OTEL_EXPORTER_OTLP_" + sig + "TIMEOUT"); v != "" {
			if ms, err := strconv.Atoi(v); err != nil || ms < 0 {
				return fmt.Errorf("OTEL_EXPORTER_OTLP_%sTIMEOUT=%q: want milliseconds", sig, v)
			}
		}
		if _, err := envflag.Bool(getenv, "OTEL_EXPORTER_OTLP_"+sig+"INSECURE", false); err != nil {
			return err
		}
		if v := getenv("OTEL_EXPORTER_OTLP_" + sig + "ENDPOINT"); v != "" {
			u, err := url.Parse(v)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Host == "" && u.Opaque == "") {
				return fmt.Errorf("OTEL_EXPORTER_OTLP_%sENDPOINT=%q: want a URL such as http://127.0.0.1:4317", sig, v)
			}
		}
	}
	return nil
}

// PerformanceEnabled reads HYPERGEN_PERFORMANCE_ENABLED (default true), the
// project switch that turns every measurement of a generation off: its
// telemetry and its start-up profile.
func PerformanceEnabled(getenv func(string) string) (bool, error) {
	return envflag.Bool(getenv, "HYPERGEN_PERFORMANCE_ENABLED", true)
}
