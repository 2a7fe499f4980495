// Package instrument turns generator operations into OpenTelemetry spans and
// metrics, and owns the telemetry pipeline's lifecycle: Setup builds the
// tracer and meter providers from the standard OTEL_* variables and
// hypergen's own, and Shutdown flushes them within a deadline of its own.
//
// The engine (package generator) does not import this package: Observer
// implements generator.Observer and is handed to the engine by the CLI, the
// agent or a library user. With no exporter configured Setup returns a
// disabled Telemetry whose Observer does nothing, so a plain CLI run costs no
// network and no measurable time.
//
// Every metric is declared once, in package catalog; the instruments are built from
// it and docs/metrics.md is generated from it, so names, units and
// descriptions cannot drift apart.
package instrument
