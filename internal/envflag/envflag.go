// Package envflag reads boolean environment variables the one way hypergen
// accepts them (true, 1, yes, on; false, 0, no, off; any case), for every
// HYPERGEN_ switch and the telemetry settings, and lists of key=value
// pairs, for the telemetry settings that both the SDK pipeline (package
// instrument) and the hypergen binary's own export (package oneshot) read:
// the two must agree on every value, or a run would change pipelines with a
// spelling.
package envflag

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
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

// TelemetryOn reads the two switches of a run's telemetry: on unless
// OTEL_SDK_DISABLED is true or HYPERGEN_PERFORMANCE_ENABLED false. An error
// names the first of them that is not a boolean.
func TelemetryOn(getenv func(string) string) (bool, error) {
	disabled, err := Bool(getenv, "OTEL_SDK_DISABLED", false)
	if err != nil {
		return false, err
	}
	enabled, err := Bool(getenv, "HYPERGEN_PERFORMANCE_ENABLED", true)
	if err != nil {
		return false, err
	}
	return !disabled && enabled, nil
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
		if err := Text(k); err != nil {
			return nil, fmt.Errorf("%q: the key %v", part, err)
		}
		if err := Text(dec); err != nil {
			return nil, fmt.Errorf("%q: the value %v", part, err)
		}
		out[k] = dec
	}
	return out, nil
}

// Text checks a value that goes on the wire as text: protobuf refuses a
// string that is not UTF-8 (and with it the whole export, other runs'
// spans included), and HTTP/2 a header holding a control character.
func Text(v string) error {
	switch {
	case !utf8.ValidString(v):
		return errors.New("is not valid UTF-8")
	case strings.ContainsFunc(v, unicode.IsControl):
		return errors.New("holds a control character")
	}
	return nil
}

// Headers is Pairs for HTTP header fields, as OTEL_EXPORTER_OTLP_HEADERS
// holds them: each name must be an HTTP token (RFC 9110: letters, digits
// and !#$%&'*+-.^_`|~), which leaves out spaces and the ':' of HTTP/2's
// own fields, and not one that gRPC itself sends (grpc-*, content-type,
// te): grpc-timeout=1n made every export fail.
func Headers(v string) (map[string]string, error) {
	h, err := Pairs(v)
	if err != nil {
		return nil, err
	}
	for k := range h {
		if strings.IndexFunc(k, func(r rune) bool { return !isTokenChar(r) }) >= 0 {
			return nil, fmt.Errorf("%q is not a header name (letters, digits and !#$%%&'*+-.^_`|~ only)", k)
		}
		if lower := strings.ToLower(k); strings.HasPrefix(lower, "grpc-") || lower == "content-type" || lower == "te" {
			return nil, fmt.Errorf("%q is a header gRPC sends itself", k)
		}
	}
	return h, nil
}

func isTokenChar(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r))
}
