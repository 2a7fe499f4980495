package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// A generation request's keys are taken as the README spells them: one in
// another case is an unknown field, and a key given twice is refused by
// name, at any depth, each with 400 and nothing written. Go's decoder
// matched keys whatever their case and let the last of two win, so a
// filter looking at the first "name" saw another request than the one
// that ran.
func TestGenerateRequestKeysAreStrict(t *testing.T) {
	dir := project(t)
	admin, gen := testenv.FreeAddr(t), testenv.FreeAddr(t)
	p := startAgent(t, dir, []string{"HYPERGEN_AGENT_TOKEN=" + agentToken}, []string{gen},
		"--listen", admin, "--probe-interval", "0", "--enable-generate", "--generate-listen", gen)
	defer func() {
		p.Signal(t, syscall.SIGTERM)
		p.Wait(t, 30*time.Second)
	}()
	for _, c := range []struct{ body, want string }{
		{`{"ARGS":["component","new","Upper"]}`, `unknown field \"ARGS\"`},
		{`{"Args":["component","new","Title"]}`, `unknown field \"Args\"`},
		{`{"generator":"component","action":"new","name":"D1","name":"D2"}`, `key \"name\" is given twice`},
		{`{"generator":"component","action":"new","name":"P","parameters":{"style":"css","style":"scss"}}`, `key \"parameters.style\" is given twice`},
	} {
		code, body := postGenerate(t, gen, c.body)
		if code != http.StatusBadRequest || !strings.Contains(body, c.want) {
			t.Errorf("%s: want 400 saying %s; got %d %s", c.body, c.want, code, body)
		}
	}
	if entries, err := os.ReadDir(filepath.Join(dir, "src")); err == nil {
		for _, e := range entries {
			if e.Name() != "index.txt" {
				t.Errorf("a refused request wrote src/%s", e.Name())
			}
		}
	}
	// The same keys, each once and spelled right, still run.
	if code, body := postGenerate(t, gen, `{"generator":"component","action":"new","name":"Ok","parameters":{"style":"scss"}}`); code != http.StatusOK {
		t.Errorf("a well-formed request: got %d %s", code, body)
	}
}
