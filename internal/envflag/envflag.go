// Package envflag reads boolean environment variables the one way hypergen
// accepts them (true, 1, yes, on; false, 0, no, off; any case), for the
// telemetry settings that both the SDK pipeline (package instrument) and the
// hypergen binary's own export (package oneshot) read: the two must agree on
// every value, or a run would change pipelines with a spelling.
package envflag

import (
	"fmt"
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
