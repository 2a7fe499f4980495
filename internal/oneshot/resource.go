package oneshot

import (
	"encoding/hex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"go.opentelemetry.io/otel/attribute"

	"github.com/hypergen-dev/hypergen/internal/envflag"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// resourceFromEnv reads OTEL_RESOURCE_ATTRIBUTES, then OTEL_SERVICE_NAME,
// which wins for service.name, as the SDK's resource.WithFromEnv does.
func resourceFromEnv(getenv func(string) string) (map[string]string, error) {
	attrs := map[string]string{"service.name": defaultServiceName}
	if v := getenv("OTEL_RESOURCE_ATTRIBUTES"); v != "" {
		kv, err := envflag.Pairs(v)
		if err != nil {
			return nil, &NeedsSDKError{"OTEL_RESOURCE_ATTRIBUTES", v, err.Error()}
		}
		for k, val := range kv {
			attrs[k] = val
		}
	}
	if v := strings.TrimSpace(getenv("OTEL_SERVICE_NAME")); v != "" {
		if err := envflag.Text(v); err != nil {
			return nil, &NeedsSDKError{"OTEL_SERVICE_NAME", v, err.Error()}
		}
		attrs["service.name"] = v
	}
	return attrs, nil
}

// processResource describes this process as the SDK pipeline does
// (instrument.Setup): the service's version and a fresh instance id (the
// Collector deletes it where it aggregates), then what the environment
// says, then host and process, which the environment cannot override.
// The process id is left to withPID: a relayed run's record goes without
// it (runrecord.KernelNamesSender). telemetry.sdk.* name this exporter,
// not the OpenTelemetry SDK. Built in one slice, sorted by key: a map of
// them was most of what setting a run's telemetry up allocated.
func processResource(env map[string]string, version string) []attribute.KeyValue {
	out := make([]attribute.KeyValue, 0, len(env)+10)
	if host, err := os.Hostname(); err == nil {
		out = append(out, attribute.String("host.name", host))
	}
	// The name it was started by: os.Executable, which the SDK reads, is a
	// readlink(2) that took half as long as sending the run's spans to the
	// relay (CPU profile of BenchmarkGeneration), and it differs only when
	// hypergen is run through a link of another name.
	if len(os.Args) > 0 && os.Args[0] != "" {
		out = append(out, attribute.String("process.executable.name", filepath.Base(os.Args[0])))
	}
	out = append(out,
		attribute.String("process.runtime.version", runtime.Version()),
		attribute.String("telemetry.sdk.name", "hypergen-otlplite"),
		attribute.String("telemetry.sdk.language", "go"),
		attribute.String("telemetry.sdk.version", version))
	has := func(kvs []attribute.KeyValue, k string) bool {
		return slices.ContainsFunc(kvs, func(kv attribute.KeyValue) bool { return string(kv.Key) == k })
	}
	fixed := out
	for k, v := range env {
		if !has(fixed, k) && k != runrecord.PIDAttribute {
			out = append(out, attribute.String(k, v))
		}
	}
	if !has(out, "service.version") {
		out = append(out, attribute.String("service.version", version))
	}
	if !has(out, "service.instance.id") {
		out = append(out, attribute.String("service.instance.id", uuid4()))
	}
	sortByKey(out)
	return out
}

// withPID adds this process's id to a resource processResource made, if
// it is not there yet.
func withPID(res []attribute.KeyValue) []attribute.KeyValue {
	out := runrecord.WithPID(res, os.Getpid())
	sortByKey(out)
	return out
}

func sortByKey(kvs []attribute.KeyValue) {
	slices.SortFunc(kvs, func(a, b attribute.KeyValue) int { return strings.Compare(string(a.Key), string(b.Key)) })
}

// uuid4 is a random (version 4) UUID. Its randomness need not be
// cryptographic: it tells processes apart, it guards nothing. Not
// github.com/google/uuid, as package instrument uses: this package is linked
// into every hypergen process, and that one brings database/sql/driver and
// name-based UUIDs' hashes along.
func uuid4() string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		v := rand.Uint64()
		for j := range 8 {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}
