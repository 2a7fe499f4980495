// Package runrecord is how a one-shot CLI run hands its telemetry to a
// running agent: the run's record, the events the engine reported to its
// generator.Observer, written compactly as they happen and sent at the end
// in one datagram to the agent's relay socket (`hypergen perf monitor
// --relay`, HYPERGEN_TELEMETRY_RELAY).
//
// The record holds events, not spans. Building and encoding a run's 26
// spans cost a CLI run about three times the telemetry budget (docs/metrics.md,
// "Overhead"); appending its events to a buffer costs it a few
// microseconds. The agent decodes the record and replays it through the
// same observer the run would have used (instrument/observe, Replayer),
// with the times the run recorded, so the spans that reach the Collector
// are those the run would have exported itself. A run whose record the
// agent does not take replays it into its own exporter instead, so its
// spans are sent once either way.
//
// The package is linked into every hypergen process: it imports neither
// the SDK nor any exporter.
package runrecord
