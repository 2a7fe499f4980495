package oneshot

import (
	"errors"
	"maps"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name     string
		env      map[string]string
		endpoint string
		timeout  time.Duration
		setting  string
		headers  map[string]string
	}{
		{"http URL", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317"},
			"127.0.0.1:4317", 2 * time.Second, "HYPERGEN_TELEMETRY_TIMEOUT", nil},
		{"host:port, insecure", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4317", "OTEL_EXPORTER_OTLP_INSECURE": "true"},
			"collector:4317", 2 * time.Second, "HYPERGEN_TELEMETRY_TIMEOUT", nil},
		{"traces endpoint wins", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "https://far:4317",
			"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://[::1]:4317/ignored"}, "[::1]:4317", 2 * time.Second, "HYPERGEN_TELEMETRY_TIMEOUT", nil},
		{"shorter OTLP timeout", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1", "OTEL_EXPORTER_OTLP_TIMEOUT": "500",
			"HYPERGEN_TELEMETRY_TIMEOUT": "3s"}, "h:1", 500 * time.Millisecond, "OTEL_EXPORTER_OTLP_TIMEOUT", nil},
		{"longer OTLP timeout", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1", "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT": "5000"},
			"h:1", 2 * time.Second, "HYPERGEN_TELEMETRY_TIMEOUT", nil},
		{"headers", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1", "OTEL_EXPORTER_OTLP_HEADERS": "api-key=a%20b, x-team=gen"},
			"h:1", 2 * time.Second, "HYPERGEN_TELEMETRY_TIMEOUT", map[string]string{"api-key": "a b", "x-team": "gen"}},
		{"explicit otlp and no metrics", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1", "OTEL_TRACES_EXPORTER": "otlp",
			"OTEL_METRICS_EXPORTER": "none", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"}, "h:1", 2 * time.Second, "HYPERGEN_TELEMETRY_TIMEOUT", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := FromEnv(func(k string) string { return tc.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if s.Endpoint != tc.endpoint || s.Timeout != tc.timeout || s.TimeoutSetting != tc.setting {
				t.Errorf("got %s %v %s, want %s %v %s", s.Endpoint, s.Timeout, s.TimeoutSetting, tc.endpoint, tc.timeout, tc.setting)
			}
			if len(tc.headers) > 0 && !maps.Equal(s.Headers, tc.headers) {
				t.Errorf("headers %v, want %v", s.Headers, tc.headers)
			}
		})
	}
}

// TestFromEnvHandsOn: every setting this package does not honour exactly,
// and every value it cannot read, names the variable, so the run goes to
// the SDK pipeline instead of silently exporting something else.
func TestFromEnvHandsOn(t *testing.T) {
	base := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317"}
	for _, tc := range []struct{ name, value string }{
		{"OTEL_EXPORTER_OTLP_ENDPOINT", "https://127.0.0.1:4317"},
		{"OTEL_EXPORTER_OTLP_ENDPOINT", "127.0.0.1:4317"}, // TLS unless insecure
		{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1"},
		{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:port"},
		{"OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"},
		{"OTEL_EXPORTER_OTLP_INSECURE", "perhaps"},
		{"OTEL_EXPORTER_OTLP_TIMEOUT", "soon"},
		{"OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "0"},
		{"OTEL_EXPORTER_OTLP_HEADERS", "novalue"},
		{"OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"},
		{"OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE", "/etc/ca.pem"},
		{"OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://127.0.0.1:4317"},
		{"OTEL_TRACES_EXPORTER", "console"},
		{"OTEL_METRICS_EXPORTER", "otlp"},
		{"OTEL_METRICS_EXPORTER", "prometheus,otlp"},
		{"OTEL_TRACES_SAMPLER", "traceidratio"},
		{"OTEL_BSP_MAX_QUEUE_SIZE", "10"},
		{"OTEL_RESOURCE_ATTRIBUTES", "team"},
	} {
		env := maps.Clone(base)
		env[tc.name] = tc.value
		_, err := FromEnv(func(k string) string { return env[k] })
		var need *NeedsSDKError
		if !errors.As(err, &need) || need.Var != tc.name {
			t.Errorf("%s=%s: err = %v, want a NeedsSDKError naming it", tc.name, tc.value, err)
		}
	}
	// hypergen's own settings are checked here, in the SDK pipeline's words.
	for _, tc := range []struct{ name, value, want string }{
		{"HYPERGEN_TELEMETRY_TIMEOUT", "-1s", `HYPERGEN_TELEMETRY_TIMEOUT="-1s": want a positive duration`},
		{"HYPERGEN_TRACE_STEPS", "perhaps", `HYPERGEN_TRACE_STEPS="perhaps": want true or false`},
	} {
		env := maps.Clone(base)
		env[tc.name] = tc.value
		_, err := FromEnv(func(k string) string { return env[k] })
		var need *NeedsSDKError
		if err == nil || errors.As(err, &need) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%s: err = %v, want a plain error with %q", tc.name, tc.value, err, tc.want)
		}
	}
	if _, err := FromEnv(func(string) string { return "" }); err == nil {
		t.Error("no endpoint: want an error (the SDK pipeline decides what an empty configuration means)")
	}
	// A pull endpoint means nothing to a run that exits at once: the run
	// exports its spans here, as without it.
	for _, kv := range [][2]string{{"OTEL_METRICS_EXPORTER", "prometheus"}, {"OTEL_METRICS_EXPORTER", " prometheus , none"},
		{"HYPERGEN_PROMETHEUS_LISTEN", "127.0.0.1:9464"}} {
		env := maps.Clone(base)
		env[kv[0]] = kv[1]
		if s, err := FromEnv(func(k string) string { return env[k] }); err != nil || s.Endpoint == "" {
			t.Errorf("%s=%s: %+v, %v; want the run's spans exported here", kv[0], kv[1], s, err)
		}
	}
}

// The switches that turn telemetry off are read here, with the SDK
// pipeline's parser: a run they turn off exports nothing and is not handed
// on (with a relay set, it warned that the relay was not used, and started
// hypergen-perf for nothing); a switch left on changes nothing.
func TestFromEnvSwitchedOff(t *testing.T) {
	base := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4317", RelayVar: "/tmp/relay.sock"}
	for _, tc := range []struct {
		env  map[string]string
		want string // "off", "on" or the error's text
	}{
		{map[string]string{"OTEL_SDK_DISABLED": "true"}, "off"},
		{map[string]string{"OTEL_SDK_DISABLED": "ON"}, "off"},
		{map[string]string{"HYPERGEN_PERFORMANCE_ENABLED": "false"}, "off"},
		{map[string]string{"OTEL_TRACES_EXPORTER": "none"}, "off"},
		{map[string]string{"OTEL_TRACES_EXPORTER": "none", "OTEL_METRICS_EXPORTER": "none"}, "off"},
		{map[string]string{"OTEL_SDK_DISABLED": "false"}, "on"},
		{map[string]string{"HYPERGEN_PERFORMANCE_ENABLED": "yes"}, "on"},
		{map[string]string{"OTEL_SDK_DISABLED": "perhaps"}, `OTEL_SDK_DISABLED="perhaps": want true or false`},
		{map[string]string{"HYPERGEN_PERFORMANCE_ENABLED": "2"}, `HYPERGEN_PERFORMANCE_ENABLED="2": want true or false`},
		// Settings checked whether or not anything is exported stay checked,
		// also with no endpoint.
		{map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": "", RelayVar: "",
			"HYPERGEN_TELEMETRY_TIMEOUT": "bogus"}, `HYPERGEN_TELEMETRY_TIMEOUT="bogus": want a positive duration such as 2s or 500ms`},
		{map[string]string{"OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "", RelayVar: "",
			"HYPERGEN_TRACE_STEPS": "maybe"}, `HYPERGEN_TRACE_STEPS="maybe": want true or false`},
		// Switched off, what matters only to an export is not looked at:
		// the run stays here, where it went to the SDK pipeline to be
		// checked (and to export nothing).
		{map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": "https://collector.example:4317",
			"OTEL_EXPORTER_OTLP_COMPRESSION": "gzip", "OTEL_EXPORTER_OTLP_CERTIFICATE": "/etc/ca.pem",
			"OTEL_TRACES_SAMPLER": "bogus", "OTEL_EXPORTER_OTLP_HEADERS": "novalue", "OTEL_RESOURCE_ATTRIBUTES": "team"}, "off"},
		{map[string]string{"HYPERGEN_PERFORMANCE_ENABLED": "false", "OTEL_METRICS_EXPORTER": "otlp", "OTEL_TRACES_EXPORTER": "console"}, "off"},
		// What every run checks stays checked.
		{map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf"},
			`OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuf": hypergen exports OTLP over gRPC only (use grpc)`},
		{map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "jaeger"},
			`OTEL_TRACES_EXPORTER="jaeger": unknown exporter "jaeger" (choose from otlp, console, none)`},
		{map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": "ftp://x:1"},
			`OTEL_EXPORTER_OTLP_ENDPOINT="ftp://x:1": want a URL such as http://127.0.0.1:4317 (http or https)`},
		{map[string]string{"OTEL_TRACES_EXPORTER": "none", "OTEL_METRIC_EXPORT_INTERVAL": "often"},
			`OTEL_METRIC_EXPORT_INTERVAL="often": want a positive number of milliseconds`},
		{map[string]string{"OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": "", RelayVar: ""}, "off"},
	} {
		env := maps.Clone(base)
		maps.Copy(env, tc.env)
		_, err := FromEnv(func(k string) string { return env[k] })
		got := "on"
		switch {
		case errors.Is(err, ErrOff):
			got = "off"
		case err != nil:
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.env, got, tc.want)
		}
	}
}

func TestResource(t *testing.T) {
	env := map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1",
		"OTEL_RESOURCE_ATTRIBUTES": "service.name=from-attrs,deployment.environment=ci,service.instance.id=fixed,process.pid=7",
		"OTEL_SERVICE_NAME":        "billing-gen"}
	s, err := FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, kv := range withPID(processResource(s.Resource, "1.2.3")) {
		got[string(kv.Key)] = kv.Value.Emit()
	}
	for k, want := range map[string]string{"service.name": "billing-gen", "deployment.environment": "ci",
		"service.instance.id": "fixed", "service.version": "1.2.3", "telemetry.sdk.language": "go"} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
	for _, k := range []string{"host.name", "process.runtime.version"} {
		if got[k] == "" {
			t.Errorf("%s missing: %v", k, got)
		}
	}
	if want := strconv.Itoa(os.Getpid()); got["process.pid"] != want {
		t.Errorf("process.pid = %q, want this process's, %s: the environment cannot set it", got["process.pid"], want)
	}
	// A relayed record leaves the id to the agent, and does not pass on
	// one the environment gives either.
	for _, kv := range processResource(s.Resource, "1.2.3") {
		if kv.Key == "process.pid" {
			t.Errorf("processResource gave process.pid %s; it is withPID's to add", kv.Value.Emit())
		}
	}
	def := processResource(map[string]string{"service.name": "hypergen"}, "v")
	a, b := "", ""
	for _, kv := range def {
		if kv.Key == "service.instance.id" {
			a = kv.Value.AsString()
		}
	}
	for _, kv := range processResource(nil, "v") {
		if kv.Key == "service.instance.id" {
			b = kv.Value.AsString()
		}
	}
	if len(a) != 36 || a == b {
		t.Errorf("instance ids %q and %q: want two different UUIDs", a, b)
	}
}

// TestFromEnvRelay: HYPERGEN_TELEMETRY_RELAY is read here alone; with it
// the endpoint is only a fallback and may be left out, and a bad value is
// an error of its own, not a reason to hand the run to the SDK pipeline
// (which has no relay).
func TestFromEnvRelay(t *testing.T) {
	for _, tc := range []struct {
		name            string
		env             map[string]string
		relay, endpoint string
		bad             string // what the error names, if one is wanted
	}{
		{"relay and endpoint", map[string]string{RelayVar: "/run/hypergen/relay.sock", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1"},
			"/run/hypergen/relay.sock", "h:1", ""},
		{"relay alone", map[string]string{RelayVar: "/tmp/r"}, "/tmp/r", "", ""},
		{"relative path", map[string]string{RelayVar: "relay.sock"}, "", "", RelayVar},
		{"path too long for a socket", map[string]string{RelayVar: "/" + strings.Repeat("d", 103)}, "", "", RelayVar},
		// The SDK pipeline, with no relay and no endpoint, would export
		// nothing and check nothing: a bad resource is an error here.
		{"relay alone, resource not key=value", map[string]string{RelayVar: "/tmp/r", "OTEL_RESOURCE_ATTRIBUTES": "team"}, "", "",
			`OTEL_RESOURCE_ATTRIBUTES="team": "team" is not key=value (want key=value pairs separated by commas): the relayed run's record would carry it`},
		{"relay alone, service name with a control character", map[string]string{RelayVar: "/tmp/r", "OTEL_SERVICE_NAME": "a\x01"}, "", "",
			"OTEL_SERVICE_NAME"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := FromEnv(func(k string) string { return tc.env[k] })
			var needs *NeedsSDKError
			if tc.bad != "" {
				if err == nil || errors.As(err, &needs) || !strings.Contains(err.Error(), tc.bad) {
					t.Fatalf("FromEnv() = %v, want an error naming %s that is not a *NeedsSDKError", err, tc.bad)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Relay != tc.relay || s.Endpoint != tc.endpoint {
				t.Errorf("relay %q endpoint %q, want %q %q", s.Relay, s.Endpoint, tc.relay, tc.endpoint)
			}
		})
	}
	// With an endpoint the SDK pipeline exports, and names a bad value itself.
	env := map[string]string{RelayVar: "/tmp/r", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://h:1", "OTEL_RESOURCE_ATTRIBUTES": "team"}
	if _, err := FromEnv(func(k string) string { return env[k] }); !errors.As(err, new(*NeedsSDKError)) {
		t.Errorf("relay and endpoint, bad resource: %v, want a *NeedsSDKError", err)
	}
}
