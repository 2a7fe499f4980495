package cli

import (
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testenv"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// A generation sent to an agent (HYPERGEN_AGENT_URL) exits as the same
// generation run here: an unknown generator or action is a failure (1), as
// in hygen, not a usage error; it exited 2 through the agent.
func TestDelegatedRunExitsAsALocalOne(t *testing.T) {
	files := map[string]string{
		"_templates/gen/new/a.t":    "---\nto: out/<%= name %>.txt\n---\nA\n",
		"_templates/broken/new/a.t": "---\nto: out/b.txt\n---\n<%= nope( %>\n",
	}
	local, served := testfs.Tree(t, files), testfs.Tree(t, files)
	admin, gen := testenv.FreeAddr(t), testenv.FreeAddr(t)
	startAgent(t, served, []string{"HYPERGEN_AGENT_TOKEN=" + agentToken}, []string{admin, gen},
		"--listen", admin, "--probe-interval", "0", "--enable-generate", "--generate-listen", gen)
	delegated := []string{"HYPERGEN_AGENT_URL=http://" + gen, "HYPERGEN_AGENT_TOKEN=" + agentToken}
	for _, tt := range []struct {
		args []string
		code int
		want string // on stderr, both ways
	}{
		{[]string{"gen", "new", "x"}, 0, ""},
		{[]string{"nope", "new"}, 1, `no generator "nope"`},
		{[]string{"gen", "nope"}, 1, `generator "gen" has no action "nope"`},
		{[]string{"gen"}, 2, "please specify an action for gen"},
		{[]string{"broken", "new"}, 1, "a.t"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			for _, way := range []struct {
				name string
				dir  string
				env  []string
			}{{"here", local, nil}, {"through the agent", served, delegated}} {
				r := run(t, way.dir, way.env, tt.args...)
				if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
					t.Errorf("%s: want exit %d with %q; got %v", way.name, tt.code, tt.want, r)
				}
			}
		})
	}
}
