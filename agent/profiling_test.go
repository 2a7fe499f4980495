package agent

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	"github.com/grafana/pyroscope-go"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"

	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/internal/testenv"
)

// ingestReceiver stands in for a Pyroscope server (AGPL, not run here): it
// accepts pyroscope-go's POST /ingest and decodes the pprof inside.
type ingestReceiver struct {
	mu        sync.Mutex
	uploads   int
	ours      map[string]int64 // hypergen functions seen in CPU samples -> sample value
	names     []string         // the `name` query of each upload
	lastError string
}

func (r *ingestReceiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.URL.Path != "/ingest" || req.Method != http.MethodPost {
		http.NotFound(w, req)
		return
	}
	fail := func(msg string) {
		r.mu.Lock()
		r.lastError = msg
		r.mu.Unlock()
		http.Error(w, msg, http.StatusBadRequest)
	}
	if err := req.ParseMultipartForm(32 << 20); err != nil {
		fail("multipart: " + err.Error())
		return
	}
	f, _, err := req.FormFile("profile")
	if err != nil {
		fail("no profile part: " + err.Error())
		return
	}
	defer f.Close()
	p, err := profile.Parse(f) // gunzips
	if err != nil {
		fail("pprof: " + err.Error())
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.uploads++
	r.names = append(r.names, req.URL.Query().Get("name"))
	for _, s := range p.Sample {
		if len(s.Value) == 0 || s.Value[len(s.Value)-1] <= 0 {
			continue
		}
		for _, loc := range s.Location {
			for _, line := range loc.Line {
				if line.Function != nil && strings.HasPrefix(line.Function.Name, "github.com/hypergen-dev/hypergen/") {
					r.ours[line.Function.Name] += s.Value[len(s.Value)-1]
				}
			}
		}
	}
}

func TestProfilingPushesRealSamples(t *testing.T) {
	recv := &ingestReceiver{ours: map[string]int64{}}
	srv := httptest.NewServer(recv) // 127.0.0.1
	defer srv.Close()

	tel, reader := telemetry(t)
	a := startAgent(t, Config{
		ProbeInterval: 100 * time.Millisecond, ProbeSizes: []int{20, 40}, ProbeCPUShare: 1,
		Profiling: ProfilingConfig{Enabled: true, ServerAddress: srv.URL, ApplicationName: "hypergen-test",
			UploadRate: time.Second, ProfileTypes: []pyroscope.ProfileType{pyroscope.ProfileCPU}},
	}, tel)

	testenv.WaitFor(t, "a CPU profile with hypergen's own functions", 60*time.Second, func() (bool, string) {
		recv.mu.Lock()
		defer recv.mu.Unlock()
		for fn := range recv.ours {
			if strings.Contains(fn, "/generator.") || strings.Contains(fn, "/agent.") {
				return true, fn
			}
		}
		return false, strings.Join(recv.names, ",") + " " + recv.lastError
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := a.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	recv.mu.Lock()
	if !strings.HasPrefix(recv.names[0], "hypergen-test{") || !strings.Contains(recv.names[0], "service=hypergen-test") {
		t.Errorf("upload name %q lacks the application name and tags", recv.names[0])
	}
	recv.mu.Unlock()

	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	ok := int64(0)
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != catalog.MetricProfilingUploads {
				continue
			}
			for _, p := range m.Data.(metricdata.Sum[int64]).DataPoints {
				if v, _ := p.Attributes.Value(catalog.AttrOutcome); v.AsString() == "ok" {
					ok += p.Value
				}
			}
		}
	}
	if ok < 1 {
		t.Errorf("profiling uploads counted ok = %d", ok)
	}
}
