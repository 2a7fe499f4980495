package exporters

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
)

// Server is the Prometheus pull endpoint's HTTP server.
type Server struct {
	Registry *prometheus.Registry
	addr     string
	srv      *http.Server
	ln       net.Listener
}

func newPrometheus(listen string) (sdkmetric.Reader, *Server, error) {
	reg := prometheus.NewRegistry()
	reader, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		return nil, nil, fmt.Errorf("creating the prometheus exporter: %w", err)
	}
	return reader, &Server{Registry: reg, addr: listen}, nil
}

// Handler serves the registry in the Prometheus exposition format, for
// callers that mount /metrics on their own server (the agent does).
func (s *Server) Handler() http.Handler {
	return promhttp.HandlerFor(s.Registry, promhttp.HandlerOpts{})
}

// Start listens on the configured address, if any, and serves /metrics.
func (s *Server) Start() error {
	if s.addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return fmt.Errorf("prometheus endpoint on %s: %w", s.addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", s.Handler())
	s.ln = ln
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return nil
}

// Addr is the address the endpoint listens on ("" before Start).
func (s *Server) Addr() string {
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Shutdown stops the server.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.srv == nil {
		return nil
	}
	err := s.srv.Shutdown(ctx)
	// Shutdown closes only the listeners Serve has registered; when it comes
	// before the serving goroutine has run, the port would be given back
	// only later, when that goroutine finds the server shut. A caller that
	// binds the port again right after (a retried Setup) must find it free.
	_ = s.ln.Close()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
