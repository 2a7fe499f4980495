// Package observability is the end-to-end check of what hypergen bundles for
// operators: the real Collector (built from deploy/collector) exports to a
// real Prometheus (Debian's package), both on 127.0.0.1, while a
// `hypergen perf monitor` agent probes, profiles and serves generations and
// the CLI runs generations; then every PromQL expression of every committed
// dashboard panel and alert rule is run against that Prometheus and must
// return data. A second test runs one-shot CLI generations only, from
// concurrent loops, and checks that the Collector counts them exactly in a
// bounded set of series that feeds every Overview panel; a third runs the
// same generations with their spans relayed through an agent stopped
// halfway. All run the shipped otel-collector.yaml; only its addresses come
// from the test.
package observability
