// Package catalog declares every metric, span and attribute hypergen
// reports: names, units, descriptions, the values each attribute can take,
// and the document (docs/metrics.md) generated from them.
//
// It is a leaf package of plain data, apart from package instrument, so
// that a binary can name hypergen's telemetry without linking the
// OpenTelemetry SDK: the everyday hypergen binary records spans through
// package instrument/observe and exports them with exporters/otlplite.
package catalog
