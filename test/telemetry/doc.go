// Package telemetry is the end-to-end check of hypergen's OpenTelemetry
// output: the hypergen binary exports to a real Collector (built from
// deploy/collector) over OTLP/gRPC on 127.0.0.1, and the tests read what
// arrived through the Collector's Prometheus exporter and its debug output.
package telemetry
