// Package spanrelay is the agent's end of the span relay: one-shot CLI runs
// hand their run records to a running agent (`hypergen perf monitor
// --relay`) instead of exporting spans over the network themselves, which
// costs a run more than the telemetry budget allows (docs/metrics.md,
// "Overhead").
//
// A run sends its record (internal/runrecord: the events its engine
// reported, with their times) in one datagram to a Unix datagram socket,
// and does not wait for an answer. The Receiver here reads the datagrams,
// replays each record into the SDK's spans (Spans), with the run's resource
// kept, and passes them to the agent's trace pipeline, which batches and
// exports them with its own settings. Nothing is aggregated here: the
// Collector derives the run counts from the spans, as it does for runs that
// export directly.
package spanrelay
