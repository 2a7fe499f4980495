package instrument

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/internal/envflag"
	"github.com/hypergen-dev/hypergen/internal/otelenv"
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
	// (see docs/metrics.md). Nor does it open a Prometheus pull endpoint,
	// even when OTEL_METRICS_EXPORTER names prometheus: no one could scrape
	// a process that exits at once.
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
// so a plain CLI run never touches the network. getenv decides what runs
// and is where values are checked, but the OpenTelemetry SDK's own parts
// read the process environment: the OTLP exporters' endpoint, headers,
// TLS and timeout, OTEL_RESOURCE_ATTRIBUTES, OTEL_SERVICE_NAME (which wins
// over the one getenv gives) and the sampler. A getenv
// other than os.Getenv must agree with it on those.
func FromEnv(getenv func(string) string) (Config, error) {
	cfg := Config{
		Enabled:          true,
		ServiceName:      "hypergen",
		ShutdownTimeout:  DefaultShutdownTimeout,
		PrometheusListen: "127.0.0.1:9464",
	}
	var err error
	if cfg.Enabled, err = envflag.TelemetryOn(getenv); err != nil {
		return cfg, err
	}
	if cfg.StepSpans, err = envflag.Bool(getenv, "HYPERGEN_TRACE_STEPS", false); err != nil {
		return cfg, err
	}
	if v := getenv("OTEL_SERVICE_NAME"); v != "" {
		cfg.ServiceName = v
	}
	if cfg.ShutdownTimeout, err = otelenv.ShutdownTimeout(getenv, DefaultShutdownTimeout); err != nil {
		return cfg, err
	}
	if v := getenv("HYPERGEN_PROMETHEUS_LISTEN"); v != "" {
		cfg.PrometheusListen = v
	}
	cfg.ConsolePath = getenv("HYPERGEN_TELEMETRY_FILE")
	if cfg.MetricInterval, err = otelenv.MetricInterval(getenv); err != nil {
		return cfg, err
	}
	if err := otelenv.CheckOTLP(getenv); err != nil {
		return cfg, err
	}
	endpointSet := func(signal string) bool {
		return getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != "" || getenv("OTEL_EXPORTER_OTLP_"+signal+"_ENDPOINT") != ""
	}
	if cfg.Traces, err = exporterList(getenv, "OTEL_TRACES_EXPORTER", endpointSet("TRACES")); err != nil {
		return cfg, err
	}
	if cfg.Metrics, err = exporterList(getenv, "OTEL_METRICS_EXPORTER", endpointSet("METRICS")); err != nil {
		return cfg, err
	}
	cfg.metricsChosen = strings.TrimSpace(getenv("OTEL_METRICS_EXPORTER")) != ""
	if len(cfg.Traces) > 0 || len(cfg.Metrics) > 0 {
		if err := checkSDKEnv(getenv); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

func exporterList(getenv func(string) string, name string, endpointSet bool) ([]exporters.Kind, error) {
	names, err := otelenv.Exporters(getenv, name)
	if err != nil {
		return nil, err
	}
	if names == nil && endpointSet {
		return []exporters.Kind{exporters.OTLP}, nil
	}
	var out []exporters.Kind
	for _, n := range names {
		out = append(out, exporters.Kind(n))
	}
	return out, nil
}

// traceSamplers are the OTEL_TRACES_SAMPLER values the SDK knows; it would
// log any other and sample everything.
var traceSamplers = []string{"always_on", "always_off", "traceidratio",
	"parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio"}

// sdkNumbers are the SDK's numeric settings and the values accepted.
var sdkNumbers = []struct {
	name     string
	min, max int
	unit     string
}{
	{"OTEL_BSP_MAX_QUEUE_SIZE", 1, 1 << 20, ""},
	{"OTEL_BSP_MAX_EXPORT_BATCH_SIZE", 1, 1 << 20, ""},
	{"OTEL_BSP_SCHEDULE_DELAY", 1, 3_600_000, " (milliseconds)"},
	{"OTEL_BSP_EXPORT_TIMEOUT", 0, 3_600_000, " (milliseconds; 0 for none)"},
	{"OTEL_METRIC_EXPORT_TIMEOUT", 1, 3_600_000, " (milliseconds)"}, // the metric SDK takes 0 for its 30 s default
}

// sdkLimits are the SDK's span limits: a whole number each (a negative
// one means no limit), which it would log and replace with its default.
var sdkLimits = []string{"OTEL_ATTRIBUTE_COUNT_LIMIT", "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT",
	"OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", "OTEL_SPAN_EVENT_COUNT_LIMIT", "OTEL_SPAN_LINK_COUNT_LIMIT",
	"OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT", "OTEL_LINK_ATTRIBUTE_COUNT_LIMIT"}

// checkSDKEnv rejects settings the SDK itself only logs and replaces with
// its default: an unknown sampler, a ratio outside [0, 1], a resource
// attribute or an OTLP header that is not key=value, an unknown
// compression, a limit that is no number, a certificate or key file that
// cannot be read or holds none (the export would go without TLS's trust
// or identity the user asked for). They matter only where something is exported, so FromEnv
// checks them only then: a run without an exporter must not fail, or go
// through the telemetry pipeline at all, because OTEL_RESOURCE_ATTRIBUTES
// is set for other programs (cli.TelemetryVars leaves these out).
func checkSDKEnv(getenv func(string) string) error {
	for _, sig := range []string{"", "TRACES_", "METRICS_"} {
		name := func(s string) string { return "OTEL_EXPORTER_OTLP_" + sig + s }
		if v := getenv(name("COMPRESSION")); v != "" && v != "gzip" && v != "none" {
			return fmt.Errorf("%s=%q: want gzip or none", name("COMPRESSION"), v)
		}
		if err := checkTLSFiles(getenv, name); err != nil {
			return err
		}
		if v := getenv(name("HEADERS")); v != "" {
			if _, err := envflag.Headers(v); err != nil {
				return fmt.Errorf("%s=%q: %v (want key=value pairs separated by commas)", name("HEADERS"), v, err)
			}
		}
	}
	// The SDK trims both and ignores the sampler's case.
	if v := getenv("OTEL_TRACES_SAMPLER"); v != "" {
		sampler := strings.ToLower(strings.TrimSpace(v))
		if !slices.Contains(traceSamplers, sampler) {
			return fmt.Errorf("OTEL_TRACES_SAMPLER=%q: unknown sampler (choose from %s)", v, strings.Join(traceSamplers, ", "))
		}
		if a := strings.TrimSpace(getenv("OTEL_TRACES_SAMPLER_ARG")); a != "" && strings.HasSuffix(sampler, "traceidratio") {
			if r, err := strconv.ParseFloat(a, 64); err != nil || !(r >= 0 && r <= 1) {
				return fmt.Errorf("OTEL_TRACES_SAMPLER_ARG=%q: want a ratio from 0 to 1", a)
			}
		}
	}
	// The SDK reads these with strconv.Atoi and uses any number it gets:
	// a negative queue size panicked in make, a huge one too, and a
	// schedule delay of zero would export in a busy loop.
	for _, n := range sdkNumbers {
		v := getenv(n.name)
		if v == "" {
			continue
		}
		if i, err := strconv.Atoi(v); err != nil || i < n.min || i > n.max {
			return fmt.Errorf("%s=%q: want a whole number from %d to %d%s", n.name, v, n.min, n.max, n.unit)
		}
	}
	for _, name := range sdkLimits {
		if v := getenv(name); v != "" {
			if _, err := strconv.Atoi(v); err != nil {
				return fmt.Errorf("%s=%q: want a whole number (negative for no limit)", name, v)
			}
		}
	}
	if v := getenv("OTEL_RESOURCE_ATTRIBUTES"); v != "" {
		if _, err := envflag.Pairs(v); err != nil {
			return fmt.Errorf("OTEL_RESOURCE_ATTRIBUTES=%q: %v (want key=value pairs separated by commas)", v, err)
		}
	}
	if v := getenv("OTEL_SERVICE_NAME"); v != "" {
		if err := envflag.Text(v); err != nil {
			return fmt.Errorf("OTEL_SERVICE_NAME=%q: %v", v, err)
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

// checkTLSFiles checks the certificate files one signal's OTLP settings
// name (name gives the variable of a suffix): a CA certificate file must
// hold a PEM certificate, and a client certificate and key must make a
// pair; the exporter would log the failure and go on without them.
func checkTLSFiles(getenv func(string) string, name func(string) string) error {
	if f := getenv(name("CERTIFICATE")); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name("CERTIFICATE"), err)
		}
		if !x509.NewCertPool().AppendCertsFromPEM(b) {
			return fmt.Errorf("%s=%q: the file holds no PEM certificate", name("CERTIFICATE"), f)
		}
	}
	cert, key := getenv(name("CLIENT_CERTIFICATE")), getenv(name("CLIENT_KEY"))
	for _, v := range [][2]string{{name("CLIENT_CERTIFICATE"), cert}, {name("CLIENT_KEY"), key}} {
		if v[1] == "" {
			continue
		}
		if _, err := os.Stat(v[1]); err != nil {
			return fmt.Errorf("%s: %w", v[0], err)
		}
	}
	if cert != "" && key != "" {
		if _, err := tls.LoadX509KeyPair(cert, key); err != nil {
			return fmt.Errorf("%s and %s: %w", name("CLIENT_CERTIFICATE"), name("CLIENT_KEY"), err)
		}
	}
	return nil
}
