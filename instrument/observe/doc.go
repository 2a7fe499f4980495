// Package observe turns the engine's events (generator.Observer) into
// hypergen's spans and measurements through the OpenTelemetry API alone:
// the span tree of a run, its attributes, and the catalog's instruments.
//
// It links no SDK and no exporter, so the everyday hypergen binary can
// record a run's spans with a light tracer of its own (exporters/otlplite)
// while long-lived processes use the SDK pipeline of package instrument.
// Both produce the same spans because both go through this one observer.
package observe
