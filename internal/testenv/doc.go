// Package testenv starts the real components that integration tests run
// against: the hypergen binary, and the OpenTelemetry Collector distribution
// built from deploy/collector. Everything binds to 127.0.0.1 and is stopped
// by the test's cleanup, also when the test fails.
package testenv
