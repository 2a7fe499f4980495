// Package budgets is the single list of hypergen's performance budgets.
// The agent's /status targets, `hypergen perf status`, the Grafana dashboard
// thresholds and the Prometheus alert rules are all derived from Budgets, so
// they cannot disagree about what "fast enough" means.
package budgets
