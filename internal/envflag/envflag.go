// Package envflag reads boolean environment variables the one way hypergen
// accepts them (true, 1, yes, on; false, 0, no, off; any case), and lists
// of key=value pairs, for the telemetry settings that both the SDK pipeline
// (package instrument) and the hypergen binary's own export (package
// oneshot) read: the two must agree on every value, or a run would change
// pipelines with a spelling.
package envflag

import (
	"fmt"
	"net/url"
	"strings"
)

// Bool reads the variable name: def when it is empty, an error naming it
// when it is not a boolean.
func Bool(getenv func(string) string, name string, def bool) (bool, error) {
	v := strings.TrimSpace(getenv(name))
	if v == "" {
		return def, nil
	}
	switch strings.ToLower(v) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return def, fmt.Errorf("%s=%q: want true or false", name, v)
}

// Pairs reads a list of key=value pairs separated by commas, as
// OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES hold them: keys
// and values trimmed, values percent-decoded, empty entries skipped. An
// entry without "=" or without a key is an error.
func Pairs(v string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(v, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, val, ok := strings.Cut(part, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("%q is not key=value", part)
		}
		dec, err := url.PathUnescape(strings.TrimSpace(val))
		if err != nil {
			return nil, fmt.Errorf("%q: %v", part, err)
		}
		out[k] = dec
	}
	return out, nil
}
