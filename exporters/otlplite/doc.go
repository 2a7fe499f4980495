// Package otlplite is a minimal OpenTelemetry trace implementation for
// one-shot processes: it keeps a run's finished spans in memory and, at
// Shutdown, sends them to an OTLP/gRPC endpoint (an OpenTelemetry Collector)
// over one plain-TCP HTTP/2 connection (prior-knowledge h2c, no TLS).
//
// It exists instead of the SDK's TracerProvider and otlptracegrpc exporter
// because, for a CLI run, those cost more than the work they measure. Linking
// the SDK, grpc-go and google.golang.org/protobuf (whose init hashes the
// executable) made a cold generation on a 2-core VM take 79.1 ms instead of
// 34.6 ms, and the in-process OTLP/gRPC export added 47 % CPU over telemetry
// off, against a 3 % budget (issues #12 and #15). A CLI run exports only a few
// dozen spans (the Collector derives metrics from them with the spanmetrics
// connector), so this package implements only what such a run needs: the
// trace API (go.opentelemetry.io/otel/trace), the OTLP protobuf messages
// written by hand, and a single unary gRPC call per batch of at most 512
// spans, its headers coded by the minimal HPACK of internal/hpack. It does
// not import the SDK, grpc-go, the protobuf runtime, net/http or x/net's
// hpack (whose init every hypergen process would pay); a test enforces that, and
// BenchmarkCLIExport compares its per-run cost with the SDK exporter's.
//
// Span behaviour follows the Go SDK v1.47 with its default limits (128
// attributes, events and links per span; parent-based always-on sampling),
// so the Collector receives the same data it would from the SDK. The export
// makes one attempt and never retries: a CLI run must not hang on a dead
// collector, and the caller's context deadline bounds the whole export. The
// one exception comes before anything is sent: a warm connection (Warm)
// that has been open for over a second is checked first, and if the server,
// or a proxy, closed it or announced it would (GOAWAY) while the run waited
// at a prompt, a new connection replaces it.
package otlplite
