package jsrt

import (
	"regexp"
	"strings"
	"sync"
)

// secretName matches environment variable names whose values are
// credentials: hypergen's own agent token, anything named like a token,
// secret, password, credential or key, and the OpenTelemetry exporter
// headers, which carry authorization.
var secretName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|^OTEL_EXPORTER_OTLP_(TRACES_|METRICS_|LOGS_)?HEADERS$`)
})

// ScriptEnv is the environment templates, hooks and .hygen.js see as
// process.env: environ (KEY=value entries, as os.Environ gives them) without
// the variables whose names say they hold secrets (see secretName). hygen
// templates do read ordinary variables (process.env.USER, HOME, NODE_ENV),
// so those stay.
func ScriptEnv(environ []string) []string {
	out := make([]string, 0, len(environ))
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !secretName().MatchString(name) {
			out = append(out, kv)
		}
	}
	return out
}
