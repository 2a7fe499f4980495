// Package exporters builds the places hypergen's telemetry can go: OTLP over
// gRPC (metrics and traces, to an OpenTelemetry Collector), a Prometheus pull
// endpoint for long-running processes, and a console/file writer for offline
// use. Each kind has a factory; instrument.Setup picks them from the
// configuration. Every exporter is wrapped so that failed exports are
// counted (see Stats), since telemetry about telemetry is what tells an
// operator that the dashboards are missing data.
package exporters
