package otelenv

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/internal/envflag"
)

// CheckAll checks every setting of the package, as a run that exports
// nothing still must: a mistake in them is one whatever the run does.
func CheckAll(getenv func(string) string) error {
	if _, err := envflag.Bool(getenv, "HYPERGEN_TRACE_STEPS", false); err != nil {
		return err
	}
	if _, err := ShutdownTimeout(getenv, time.Second); err != nil {
		return err
	}
	if _, err := MetricInterval(getenv); err != nil {
		return err
	}
	if err := CheckOTLP(getenv); err != nil {
		return err
	}
	for _, name := range []string{"OTEL_TRACES_EXPORTER", "OTEL_METRICS_EXPORTER"} {
		if _, err := Exporters(getenv, name); err != nil {
			return err
		}
	}
	return nil
}

// ShutdownTimeout is HYPERGEN_TELEMETRY_TIMEOUT, the bound on a process's
// last flush, or def.
func ShutdownTimeout(getenv func(string) string, def time.Duration) (time.Duration, error) {
	v := getenv("HYPERGEN_TELEMETRY_TIMEOUT")
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("HYPERGEN_TELEMETRY_TIMEOUT=%q: want a positive duration such as 2s or 500ms", v)
	}
	return d, nil
}

// MetricInterval is OTEL_METRIC_EXPORT_INTERVAL, or 0 when it is not set.
func MetricInterval(getenv func(string) string) (time.Duration, error) {
	v := getenv("OTEL_METRIC_EXPORT_INTERVAL")
	if v == "" {
		return 0, nil
	}
	ms, err := strconv.Atoi(v)
	if err != nil || ms <= 0 {
		return 0, fmt.Errorf("OTEL_METRIC_EXPORT_INTERVAL=%q: want a positive number of milliseconds", v)
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// Exporters is the list of exporter names that name (OTEL_TRACES_EXPORTER
// or OTEL_METRICS_EXPORTER) gives: nil when it is not set, empty (not nil)
// when it says none; prometheus is a metrics exporter only.
func Exporters(getenv func(string) string, name string) ([]string, error) {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return nil, nil
	}
	metrics := name == "OTEL_METRICS_EXPORTER"
	out := []string{}
	for _, part := range strings.Split(v, ",") {
		switch k := strings.TrimSpace(part); {
		case k == "none":
			return []string{}, nil
		case slices.Contains(out, k):
			// Each would export everything again, and a second pull
			// endpoint cannot have the first one's port.
			return nil, fmt.Errorf("%s=%q: exporter %q is named twice", name, v, k)
		case k == "otlp", k == "console", k == "prometheus" && metrics:
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

// CheckOTLP rejects OTLP settings the exporters would otherwise ignore
// with a default: a bad protocol, timeout, flag or endpoint.
func CheckOTLP(getenv func(string) string) error {
	for _, sig := range []string{"", "TRACES_", "METRICS_"} {
		name := func(s string) string { return "OTEL_EXPORTER_OTLP_" + sig + s }
		if v := getenv(name("PROTOCOL")); v != "" && v != "grpc" {
			return fmt.Errorf("%s=%q: hypergen exports OTLP over gRPC only (use grpc)", name("PROTOCOL"), v)
		}
		if v := getenv(name("TIMEOUT")); v != "" {
			if ms, err := strconv.Atoi(v); err != nil || ms < 0 {
				return fmt.Errorf("%s=%q: want milliseconds", name("TIMEOUT"), v)
			}
		}
		if _, err := envflag.Bool(getenv, name("INSECURE"), false); err != nil {
			return err
		}
		if v := getenv(name("ENDPOINT")); v != "" {
			if err := checkEndpoint(v); err != nil {
				return fmt.Errorf("%s=%q: %v", name("ENDPOINT"), Redacted(v), err)
			}
		}
	}
	return nil
}

// Redacted is an endpoint with the password of its URL, if any, replaced,
// as messages show it.
func Redacted(endpoint string) string {
	if u, err := url.Parse(endpoint); err == nil && u.User != nil {
		return u.Redacted()
	}
	return endpoint
}

// checkEndpoint accepts a URL with the http or https scheme, or host:port.
func checkEndpoint(v string) error {
	const want = "want a URL such as http://127.0.0.1:4317"
	u, err := url.Parse(v)
	var port string
	switch {
	case err != nil:
		return errors.New(want)
	case u.Host != "":
		if u.Scheme != "http" && u.Scheme != "https" {
			return fmt.Errorf("%s (http or https)", want)
		}
		port = u.Port()
	case u.Opaque != "": // host:port, read as a scheme and the rest
		port = u.Opaque
	default:
		return errors.New(want)
	}
	if port == "" {
		// gRPC would dial port 443, in plain text for http://.
		return fmt.Errorf("no port: %s", want)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("port %q is not a port number", port)
	}
	return nil
}
