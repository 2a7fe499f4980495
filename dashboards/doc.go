// Package dashboards builds hypergen's Grafana dashboards and Prometheus
// alert rules in Go, so that they are derived from the code rather than
// drawn by hand: metric names come from catalog.Metrics (translated the
// way the Collector's Prometheus exporter translates them), and every
// threshold and alert limit comes from budgets.Budgets.
//
// The generated files are committed (json/*.json for Grafana, rules/*.yaml
// for Prometheus) and a test fails when they are stale; regenerate them with
//
//	go generate ./dashboards
//
// The tests also lint the dashboards (titles, descriptions, units, the
// datasource variable, valid PromQL with $__rate_interval, only catalogued
// metrics) and run `promtool test rules` on the alert rules.
package dashboards

//go:generate go run ./cmd/generate
