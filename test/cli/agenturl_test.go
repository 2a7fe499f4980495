package cli

import (
	"strings"
	"testing"
)

// A HYPERGEN_AGENT_URL that cannot be an agent's address is a usage error
// naming the variable, before anything is sent; a well-formed address that
// nothing answers on is a failure to reach the agent.
func TestAgentURLChecked(t *testing.T) {
	dir := project(t)
	tests := []struct {
		url  string
		code int
		want string
	}{
		{"not a url", 2, `HYPERGEN_AGENT_URL="not a url": want http://HOST:PORT`},
		{"ftp://127.0.0.1:9465", 2, "want http://HOST:PORT"},
		{"http://", 2, "want http://HOST:PORT"},
		{"http://127.0.0.1:99999", 2, `port "99999" is not a port number`},
		{"unix:relative.sock", 2, "an absolute socket path"},
		{"http://127.0.0.1:1", 1, "did not answer"},
		{"unix:/nonexistent/agent.sock", 1, "did not answer"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := run(t, dir, []string{"HYPERGEN_AGENT_URL=" + tt.url, "HYPERGEN_AGENT_TOKEN=x"}, "component", "new", "Button")
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("want exit %d and %q on stderr; got %v", tt.code, tt.want, r)
			}
		})
	}
}
