package agent

import (
	"encoding/json"
	"net/http"
	"net/http/pprof"
)

// routes is the admin API.
// notReady says why the agent should take no traffic (", …" to follow
// "not ready"), or "" when it may. /readyz and /status both ask it.
func (a *Agent) notReady() string {
	if err := a.stuckError(); err != nil {
		return ": a generation cannot be stopped: " + err.Error()
	}
	if a.down.Load() {
		return ": shut down"
	}
	if !a.ready.Load() {
		return ": starting"
	}
	// Checked on every probe (a few stats): generations fail while the
	// templates folder is gone, so the pod should not take traffic.
	if a.templatesRoot() == "" {
		return ": no templates folder (HYGEN_TMPLS, ./_templates or --templates)"
	}
	return ""
}

func (a *Agent) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		if err := a.stuckError(); err != nil {
			http.Error(w, "unhealthy: a generation cannot be stopped: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if why := a.notReady(); why != "" {
			http.Error(w, "not ready"+why, http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, a.Status())
	})
	if a.tel.Prometheus != nil {
		mux.Handle("GET /metrics", a.tel.Prometheus.Handler())
	} else {
		mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "the Prometheus exporter is off (OTEL_METRICS_EXPORTER)", http.StatusNotFound)
		})
	}
	if a.cfg.Pprof {
		// With methods: a method-less pattern conflicts with "GET /" below,
		// and ServeMux panics at start.
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("POST /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	mux.HandleFunc("POST /v1/generate", func(w http.ResponseWriter, r *http.Request) {
		msg := "the generation API is off (start the agent with --enable-generate and HYPERGEN_AGENT_TOKEN)"
		if a.genLn != nil {
			msg = "the generation API listens on " + a.GenerateAddr() + ", not on the admin address"
		}
		a.tel.AgentRequest(r.Context(), "refused")
		writeJSON(w, http.StatusNotFound, GenerateResponse{Error: msg})
	})
	mux.HandleFunc("GET /", a.handlePage)
	return mux
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
