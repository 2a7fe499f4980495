package oneshot

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/internal/envflag"
	"github.com/hypergen-dev/hypergen/internal/otelenv"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// Settings are what a one-shot run's export needs, read from the
// environment by FromEnv.
type Settings struct {
	// Endpoint is the Collector's OTLP/gRPC address, host:port, spoken to
	// in plain text (http:// or OTEL_EXPORTER_OTLP_INSECURE=true).
	Endpoint string
	// Headers are sent with every export (OTEL_EXPORTER_OTLP_HEADERS).
	Headers map[string]string
	// Timeout bounds the whole export: the shorter of
	// HYPERGEN_TELEMETRY_TIMEOUT (2 s by default) and
	// OTEL_EXPORTER_OTLP_TIMEOUT (10 s by default); TimeoutSetting names
	// the one that set it, for messages.
	Timeout        time.Duration
	TimeoutSetting string
	// Relay is a running agent's relay socket (HYPERGEN_TELEMETRY_RELAY):
	// the run hands its record to the agent there, and exports its spans to
	// Endpoint only if the agent does not take it.
	Relay string
	// StepSpans gives each template step a span (HYPERGEN_TRACE_STEPS).
	StepSpans bool
	// Resource is what OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME say,
	// service.name included (hypergen by default).
	Resource map[string]string
}

// Defaults of the settings, the same as the SDK pipeline's.
const (
	defaultShutdownTimeout = 2 * time.Second  // instrument.DefaultShutdownTimeout
	defaultExportTimeout   = 10 * time.Second // the OTLP exporters' default
	defaultServiceName     = "hypergen"
)

// NeedsSDKError says which variable asks for more than this package does:
// another exporter or protocol, TLS, metrics, a sampler, SDK tuning, or a
// value it cannot read. The caller hands such a run to hypergen-perf,
// whose SDK pipeline honours every setting and names every bad value.
type NeedsSDKError struct {
	Var, Value, Why string
}

func (e *NeedsSDKError) Error() string {
	return fmt.Sprintf("%s=%q: %s", e.Var, e.Value, e.Why)
}

// handedOn are variables that only the SDK pipeline honours: set at all,
// they send the run to hypergen-perf.
var handedOn = []string{
	// Exporters of the whole pipeline.
	"HYPERGEN_TELEMETRY_FILE", "OTEL_METRIC_EXPORT_INTERVAL",
	// Sampling and limits of the trace SDK.
	"OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG",
	"OTEL_BSP_SCHEDULE_DELAY", "OTEL_BSP_EXPORT_TIMEOUT", "OTEL_BSP_MAX_QUEUE_SIZE", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE",
	"OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT", "OTEL_ATTRIBUTE_COUNT_LIMIT",
	"OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT", "OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", "OTEL_SPAN_EVENT_COUNT_LIMIT",
	"OTEL_SPAN_LINK_COUNT_LIMIT", "OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT", "OTEL_LINK_ATTRIBUTE_COUNT_LIMIT",
}

// ErrOff is FromEnv's answer when the environment turns telemetry off:
// the run exports nothing, neither here nor through the SDK pipeline.
var ErrOff = errors.New("telemetry is off")

// switchedOff reads the switches that turn a run's telemetry off, as the SDK
// pipeline (package instrument) reads them: OTEL_SDK_DISABLED true,
// HYPERGEN_PERFORMANCE_ENABLED false, or no exporter (OTEL_TRACES_EXPORTER
// none, and no metrics exporter named, which a CLI run has by default). A
// value that is not a boolean is an error naming the variable.
func switchedOff(getenv func(string) string) (bool, error) {
	on, err := envflag.TelemetryOn(getenv)
	if err != nil {
		return false, err
	}
	traces := strings.TrimSpace(getenv("OTEL_TRACES_EXPORTER"))
	metrics := MetricsExporters(getenv)
	noExporter := traces == "none" && (metrics == "" || metrics == "none") && getenv("HYPERGEN_TELEMETRY_FILE") == ""
	return !on || noExporter, nil
}

// MetricsExporters is OTEL_METRICS_EXPORTER without prometheus: a pull
// endpoint in a process that exits as soon as it has generated cannot be
// scraped, and its port would be the agent's, so a CLI run opens none
// (instrument.Setup drops it too) and HYPERGEN_PROMETHEUS_LISTEN means
// nothing to it. Exporter names are otherwise left for the SDK to judge.
func MetricsExporters(getenv func(string) string) string {
	v := strings.TrimSpace(getenv("OTEL_METRICS_EXPORTER"))
	if !strings.Contains(v, "prometheus") {
		return v
	}
	var kept []string
	for _, part := range strings.Split(v, ",") {
		if strings.TrimSpace(part) != "prometheus" {
			kept = append(kept, part)
		}
	}
	return strings.TrimSpace(strings.Join(kept, ","))
}

// RelayVar names the agent's relay socket for the run's spans.
const RelayVar = "HYPERGEN_TELEMETRY_RELAY"

// FromEnv reads the settings. It returns ErrOff for a run with telemetry
// switched off, and a *NeedsSDKError when a variable that is set asks for
// something this package does not do, or holds a value it does not read
// exactly as the SDK would; any other error is a bad value, named in the
// words the SDK pipeline would use (otelenv), or of a variable only this
// package reads (RelayVar).
func FromEnv(getenv func(string) string) (Settings, error) {
	var s Settings
	off, err := switchedOff(getenv)
	if err != nil {
		return s, err
	}
	if off {
		// Nothing is exported, here or by the SDK pipeline: the run checks
		// what every run checks and stays in this process. What matters
		// only to an export (TLS, compression, a sampler, headers, the
		// relay socket) is not looked at, as for a run with no endpoint.
		if err := otelenv.CheckAll(getenv); err != nil {
			return s, err
		}
		return s, ErrOff
	}
	if v := getenv(RelayVar); v != "" {
		if err := runrecord.CheckPath(v); err != nil {
			// Not the SDK's to judge: it has no relay. A bad value is the
			// user's to fix, not a reason to export another way.
			return s, fmt.Errorf("%s=%q, the agent's relay socket (perf monitor --relay): %w", RelayVar, v, err)
		}
		s.Relay = v
	}
	for _, v := range handedOn {
		if val := getenv(v); val != "" {
			return s, &NeedsSDKError{v, val, "only the SDK pipeline honours it"}
		}
	}
	if v := strings.TrimSpace(getenv("OTEL_TRACES_EXPORTER")); v != "" && v != "otlp" {
		return s, &NeedsSDKError{"OTEL_TRACES_EXPORTER", v, "an exporter other than OTLP"}
	}
	if v := MetricsExporters(getenv); v != "" && v != "none" {
		return s, &NeedsSDKError{"OTEL_METRICS_EXPORTER", getenv("OTEL_METRICS_EXPORTER"), "metrics are exported by the SDK pipeline"}
	}
	for _, suffix := range []string{"ENDPOINT", "PROTOCOL", "TIMEOUT", "INSECURE", "HEADERS", "COMPRESSION", "CERTIFICATE",
		"CLIENT_KEY", "CLIENT_CERTIFICATE"} {
		if v := "OTEL_EXPORTER_OTLP_METRICS_" + suffix; getenv(v) != "" {
			return s, &NeedsSDKError{v, getenv(v), "a metrics setting"}
		}
	}
	for _, suffix := range []string{"COMPRESSION", "CERTIFICATE", "CLIENT_KEY", "CLIENT_CERTIFICATE"} {
		for _, v := range []string{"OTEL_EXPORTER_OTLP_" + suffix, "OTEL_EXPORTER_OTLP_TRACES_" + suffix} {
			if getenv(v) != "" {
				return s, &NeedsSDKError{v, getenv(v), "compression and TLS are the SDK exporter's"}
			}
		}
	}
	// The traces-specific variable wins over the shared one, as in the SDK.
	otlp := func(suffix string) (name, value string) {
		if v := getenv("OTEL_EXPORTER_OTLP_TRACES_" + suffix); v != "" {
			return "OTEL_EXPORTER_OTLP_TRACES_" + suffix, v
		}
		return "OTEL_EXPORTER_OTLP_" + suffix, getenv("OTEL_EXPORTER_OTLP_" + suffix)
	}
	if name, v := otlp("PROTOCOL"); v != "" && v != "grpc" {
		return s, &NeedsSDKError{name, v, "not grpc"}
	}
	name, v := otlp("INSECURE")
	insecure, err := envflag.Bool(getenv, name, false)
	if err != nil {
		return s, &NeedsSDKError{name, v, "not a boolean"}
	}
	// With a relay, the endpoint is its fallback and may be left out.
	name, v = otlp("ENDPOINT")
	if v == "" && s.Relay == "" {
		return s, &NeedsSDKError{name, v, "no endpoint"}
	}
	if v != "" {
		if s.Endpoint, err = endpoint(v, insecure); err != nil {
			return s, &NeedsSDKError{name, v, err.Error()}
		}
	}
	shutdown, err := otelenv.ShutdownTimeout(getenv, defaultShutdownTimeout)
	if err != nil {
		return s, err
	}
	export := defaultExportTimeout
	exportName, v := otlp("TIMEOUT")
	if v != "" {
		ms, err := strconv.Atoi(v)
		if err != nil || ms <= 0 {
			return s, &NeedsSDKError{exportName, v, "not a positive number of milliseconds"}
		}
		export = time.Duration(ms) * time.Millisecond
	}
	s.Timeout, s.TimeoutSetting = shutdown, "HYPERGEN_TELEMETRY_TIMEOUT"
	if export < shutdown {
		s.Timeout, s.TimeoutSetting = export, exportName
	}
	if s.StepSpans, err = envflag.Bool(getenv, "HYPERGEN_TRACE_STEPS", false); err != nil {
		return s, err
	}
	if name, v := otlp("HEADERS"); v != "" {
		if s.Headers, err = envflag.Headers(v); err != nil {
			return s, &NeedsSDKError{name, v, err.Error()}
		}
	}
	if s.Resource, err = resourceFromEnv(getenv); err != nil {
		var needs *NeedsSDKError
		if s.Endpoint == "" && errors.As(err, &needs) {
			// Relayed only: the SDK pipeline has no relay and no endpoint
			// here, so it would export nothing and check nothing. The
			// record carries the resource: a bad value is the user's to fix.
			hint := ""
			if needs.Var == "OTEL_RESOURCE_ATTRIBUTES" {
				hint = " (want key=value pairs separated by commas)"
			}
			return s, fmt.Errorf("%v%s: the relayed run's record would carry it", err, hint)
		}
		return s, err
	}
	return s, nil
}

// endpoint turns an OTLP/gRPC endpoint into host:port for a plain-text
// connection: an http:// URL, or host:port with insecure set. Anything
// that would need TLS is the SDK exporter's.
func endpoint(v string, insecure bool) (string, error) {
	hostPort := v
	if strings.Contains(v, "://") {
		u, err := url.Parse(v)
		if err != nil {
			return "", fmt.Errorf("not a URL")
		}
		if u.Scheme != "http" {
			return "", fmt.Errorf("scheme %s needs TLS", u.Scheme)
		}
		hostPort = u.Host
	} else if !insecure {
		return "", fmt.Errorf("without http:// or OTEL_EXPORTER_OTLP_INSECURE=true the connection is TLS")
	}
	host, port, err := net.SplitHostPort(hostPort)
	if err != nil || host == "" || port == "" {
		return "", fmt.Errorf("want host:port")
	}
	if n, err := strconv.ParseUint(port, 10, 16); err != nil || n == 0 {
		return "", fmt.Errorf("port %q is not a port number", port)
	}
	return hostPort, nil
}
