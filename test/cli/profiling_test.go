package cli

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// Continuous profiling is switched on by the environment alone, as the
// agent's sidecar manifests do it: HYPERGEN_PROFILING, spelled as every
// other switch, with no --profiling flag. Profiles reach a Pyroscope ingest
// endpoint (an in-test receiver: no Pyroscope server runs here). Until now
// only the flag was tested through the binary, and "on" was refused.
func TestProfilingSwitchedOnByEnvironment(t *testing.T) {
	for _, value := range []string{"true", "on"} {
		t.Run(value, func(t *testing.T) {
			var uploads atomic.Int64
			ingest := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Method == http.MethodPost && r.URL.Path == "/ingest" {
					if err := r.ParseMultipartForm(32 << 20); err == nil && r.MultipartForm.File["profile"] != nil {
						uploads.Add(1)
					}
				}
				w.WriteHeader(http.StatusOK)
			}))
			defer ingest.Close()
			dir := project(t)
			admin := testenv.FreeAddr(t)
			p := startAgent(t, dir, []string{"HYPERGEN_PROFILING=" + value, "PYROSCOPE_SERVER_ADDRESS=" + ingest.URL, "PYROSCOPE_UPLOAD_RATE=1s"},
				[]string{admin}, "--listen", admin, "--probe-interval", "0")
			testenv.WaitFor(t, "a profile upload", 30*time.Second, func() (bool, string) {
				return uploads.Load() > 0, "uploads: " + strconv.FormatInt(uploads.Load(), 10) + "\n" + p.Output()
			})
		})
	}
	for _, value := range []string{"maybe", "2"} {
		r := run(t, project(t), []string{"HYPERGEN_PROFILING=" + value}, "perf", "monitor", "--probe-interval", "0", "--listen", "127.0.0.1:0")
		if r.code != 2 || !strings.Contains(r.stderr, `HYPERGEN_PROFILING="`+value+`": want true or false`) {
			t.Errorf("HYPERGEN_PROFILING=%s: want exit 2 naming it; got %v", value, r)
		}
	}
}
