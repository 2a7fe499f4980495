package agent

import (
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/argv"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
)

// FuzzGenerateRequest: whatever the body, decoding never panics, and a
// command line the API accepts names a generator and action that stay one
// folder below the templates root, wherever they sit in it.
func FuzzGenerateRequest(f *testing.F) {
	for _, s := range []string{
		`{"args":["gen","new","x"]}`,
		`{"args":["--x","y","../../../outside/evilgen","new"]}`,
		`{"generator":"gen","action":"new:sub","name":"n","parameters":{"a":[1,"b",true]},"dry_run":true}`,
		`{"args":["--_","..","new"]}`,
		`{"generator":"--help","action":"x"}`,
		`{"args":["gen"]} {"args":["x"]}`,
		`{"parameters":{"-x":1}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		req, err := DecodeGenerateRequest(strings.NewReader(body))
		if err != nil {
			return
		}
		args, err := req.commandLine()
		if err != nil {
			return
		}
		pos := argv.Parse(args).Positionals
		for i := 0; i < min(2, len(pos)); i++ {
			name, _, _ := strings.Cut(jsvalue.ToString(pos[i]), ":")
			if strings.ContainsAny(name, `/\`) || name == ".." || name == "." {
				t.Fatalf("accepted %q: positional %d is %q", body, i, name)
			}
		}
	})
}
