// Package otelenv checks the OpenTelemetry settings every hypergen process
// checks, whatever it does with them: the exporters chosen, the OTLP
// protocol, endpoint, timeout and insecure flag, and hypergen's own flush
// timeout, metric interval and step spans. The SDK pipeline (package
// instrument) reads them here, and a CLI run with telemetry switched off
// checks them here without loading that pipeline (internal/oneshot). Each
// bad value is an error naming the variable.
package otelenv
