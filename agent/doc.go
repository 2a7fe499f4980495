// Package agent is hypergen's long-running mode (`hypergen perf monitor`): a
// sidecar that keeps a warm engine and template index, notices template
// changes, runs scalability probes on synthetic trees within a bounded share
// of the CPU, evaluates the performance budgets, profiles itself
// continuously with Pyroscope when asked, and serves all of it on a loopback
// admin address: /healthz, /readyz, /status, /metrics, and — only when
// explicitly enabled with a token — POST /v1/generate.
//
// An Agent has an explicit lifecycle, like an OpenTelemetry Collector
// component: New, then Start, then Shutdown with a deadline.
package agent
