// Package oneshot exports the spans of one CLI generation from the
// everyday hypergen binary, without the OpenTelemetry SDK.
//
// A one-shot run exports only its trace (the Collector counts runs from
// spans). Through the SDK and grpc-go that cost a cold generation more
// than twice its time (34.6 ms without an endpoint, 79.1 ms with one, when
// the run was handed to hypergen-perf). Here hypergen's own observer
// (instrument/observe) records into exporters/otlplite, which sends the
// spans over one plain-text OTLP/gRPC connection when the run ends.
//
// FromEnv reads the OTEL_* settings that path honours. Any other setting
// (TLS, compression, a sampler, metrics, another exporter) or a value it
// cannot read makes FromEnv return a *NeedsSDKError, and the caller hands
// the run to hypergen-perf, whose SDK pipeline honours and checks them all.
package oneshot
