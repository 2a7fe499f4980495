// Package perfcli is the command line of the hypergen-perf executable: the
// perf commands (benchmark, test, analyze, optimize, export, corpus,
// status), the agent (monitor), and the generations hypergen hands over
// because they export telemetry or go through an agent. These link the
// OpenTelemetry SDK, gRPC, the Prometheus client, pprof and the report
// renderer, which an everyday generation never needs; keeping them here
// keeps hypergen's start-up small (see internal/cli.PerfExecutable).
package perfcli
