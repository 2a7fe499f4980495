package exporters

import (
	"context"
	"fmt"
	"io"
	"time"

	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/stdout/stdoutmetric"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Kind names an exporter, as in OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER.
type Kind string

// Exporter kinds.
const (
	OTLP       Kind = "otlp"
	Prometheus Kind = "prometheus" // metrics only: a pull endpoint
	Console    Kind = "console"
	None       Kind = "none"
)

// Config is what the factories need beyond the standard OTEL_EXPORTER_OTLP_*
// variables, which the OTLP exporters read themselves.
type Config struct {
	// Retry makes OTLP exports retry with backoff. Long-running processes
	// want it; a short CLI run does not, so an unreachable collector fails
	// fast instead of holding the process until the deadline.
	Retry bool
	// Console receives console output (a file, or stderr).
	Console io.Writer
	// PrometheusListen is the address of the pull endpoint.
	PrometheusListen string
	// MetricInterval is how often metrics are pushed; 0 means the SDK
	// default (OTEL_METRIC_EXPORT_INTERVAL, else 60 s).
	MetricInterval time.Duration
	// Stats counts export failures; may be nil.
	Stats *Stats
}

// NewSpanExporter builds a trace exporter of the given kind.
func NewSpanExporter(ctx context.Context, kind Kind, cfg Config) (sdktrace.SpanExporter, error) {
	var (
		exp sdktrace.SpanExporter
		err error
	)
	switch kind {
	case OTLP:
		exp, err = otlptracegrpc.New(ctx, otlptracegrpc.WithRetry(otlptracegrpc.RetryConfig{Enabled: cfg.Retry,
			InitialInterval: time.Second, MaxInterval: 5 * time.Second, MaxElapsedTime: 30 * time.Second}),
			otlptracegrpc.WithDialOption(grpcOptions()...))
	case Console:
		exp, err = stdouttrace.New(stdouttrace.WithWriter(cfg.Console))
	default:
		return nil, fmt.Errorf("no trace exporter %q (choose otlp, console or none)", kind)
	}
	if err != nil {
		return nil, fmt.Errorf("creating the %s trace exporter: %w", kind, err)
	}
	return &countingSpanExporter{SpanExporter: exp, stats: cfg.Stats}, nil
}

// NewMetricReader builds a metric reader of the given kind. Push exporters
// come in a periodic reader; Prometheus is a pull reader served over HTTP,
// whose server the returned Server starts and stops.
func NewMetricReader(ctx context.Context, kind Kind, cfg Config) (sdkmetric.Reader, *Server, error) {
	var (
		exp sdkmetric.Exporter
		err error
	)
	switch kind {
	case OTLP:
		exp, err = otlpmetricgrpc.New(ctx, otlpmetricgrpc.WithRetry(otlpmetricgrpc.RetryConfig{Enabled: cfg.Retry,
			InitialInterval: time.Second, MaxInterval: 5 * time.Second, MaxElapsedTime: 30 * time.Second}),
			otlpmetricgrpc.WithDialOption(grpcOptions()...))
	case Console:
		exp, err = stdoutmetric.New(stdoutmetric.WithWriter(cfg.Console))
	case Prometheus:
		return newPrometheus(cfg.PrometheusListen)
	default:
		return nil, nil, fmt.Errorf("no metric exporter %q (choose otlp, prometheus, console or none)", kind)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("creating the %s metric exporter: %w", kind, err)
	}
	var opts []sdkmetric.PeriodicReaderOption
	if cfg.MetricInterval > 0 {
		opts = append(opts, sdkmetric.WithInterval(cfg.MetricInterval))
	}
	return sdkmetric.NewPeriodicReader(&countingMetricExporter{Exporter: exp, stats: cfg.Stats}, opts...), nil, nil
}
