package argv

import "strings"

// OwnFlags are hypergen's own flags. A hypergen command line takes them out
// (internal/cli) before the rest become template locals; the agent's
// generation API refuses them, since the agent's own settings apply to
// every request.
var OwnFlags = []string{"--allow-outside", "--answers", "--js-timeout", "--no-fsync", "--fsync"}

// OwnFlag returns the one of OwnFlags that arg is, alone or with
// "=value", or "".
func OwnFlag(arg string) string {
	name, _, _ := strings.Cut(arg, "=")
	for _, f := range OwnFlags {
		if name == f {
			return f
		}
	}
	return ""
}
