package agent

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hypergen-dev/hypergen/internal/connlimit"
	"github.com/hypergen-dev/hypergen/internal/sockclaim"
)

// The servers' bounds. A client gets ReadTimeout for its whole request and
// WriteTimeout for the answer (a generation, or a 30 s pprof profile, fits);
// an idle keep-alive connection is closed after IdleTimeout, or sooner when
// the connection limit needs its place.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 60 * time.Second
)

// generateTimeout bounds one generation, so its answer goes out within
// writeTimeout, which runs from the request's headers: the body may take
// bodyReadTimeout, and the answer needs a moment. A variable for tests.
var generateTimeout = writeTimeout - bodyReadTimeout - 10*time.Second

// errTimedOut marks a generation stopped at generateTimeout.
var errTimedOut = errors.New("the generation did not finish within the agent's bound on one request")

// server is one of the agent's HTTP servers, with what its shutdown needs.
type server struct {
	name   string
	http   *http.Server
	ln     net.Listener
	conns  *connlimit.Limiter
	active atomic.Int64 // requests being handled
}

// serve starts an HTTP server for h on ln whose connections are bounded by
// maxConns; idle ones make way for new clients (see internal/connlimit).
// Its requests' contexts derive from base, so cancelling base cancels them.
func (a *Agent) serve(ln net.Listener, h http.Handler, reads func(*http.Request) bool, maxConns int, name string, base context.Context) *server {
	s := &server{name: name, ln: ln, conns: connlimit.New(maxConns)}
	h = closeUnreadBodies(h, reads)
	s.http = &http.Server{
		BaseContext: func(net.Listener) context.Context { return base },
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s.active.Add(1)
			defer s.active.Add(-1)
			h.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ConnState:         s.conns.ConnState,
	}
	go func() {
		if err := s.http.Serve(s.conns.Listener(ln)); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.cfg.Logger.Error(name+" server stopped", "err", err)
		}
	}()
	return s
}

// stop shuts the server down: it returns once every answer is out, or, when
// ctx ends first, closes what is left and says how many requests it cut.
func (s *server) stop(ctx context.Context) error {
	// net/http looks for connections gone idle at most every half second,
	// so an answer finished just after a look kept the shutdown waiting
	// that long, and under a short deadline the connection was cut instead,
	// a stuck generation's 503 with it. Watching the connections here ends
	// the wait as soon as none is busy (connlimit.Limiter.Busy: in a
	// request, or opened with its first one maybe on its way).
	settled, stopWatching := context.WithCancel(ctx)
	defer stopWatching()
	go func() {
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for s.conns.Busy() > 0 {
			select {
			case <-settled.Done():
				return
			case <-tick.C:
			}
		}
		stopWatching()
	}()
	err := s.http.Shutdown(settled)
	// Shutdown closes only the listeners Serve has registered: one whose
	// serving goroutine had not run yet would keep its address (and a
	// socket's claim) until that goroutine ran, and an agent started again
	// at once found it in use.
	_ = s.ln.Close()
	if err == nil {
		return nil
	}
	s.http.Close()
	if n := s.active.Load(); n > 0 {
		return fmt.Errorf("the %s server: %d requests still running at the deadline: %w", s.name, n, context.Cause(ctx))
	}
	return nil
}

// closeUnreadBodies ends the connection of a request that declares a body
// its handler will not read (any that reads does not say): net/http would
// otherwise read up to 256 KiB of it before
// answering, and a client sending it a byte a second held its connection
// for the whole read timeout, which 256 such clients, no token needed, did
// to every connection of a server. connlimit makes room by closing idle
// connections only, and these are not idle.
func closeUnreadBodies(h http.Handler, reads func(*http.Request) bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength != 0 && !reads(r) {
			w.Header().Set("Connection", "close")
			_ = http.NewResponseController(w).SetReadDeadline(time.Now())
		}
		h.ServeHTTP(w, r)
	})
}

// listenGenerate opens the generation API's address: a unix socket
// ("unix:/path") or a loopback TCP address, never one reachable from
// outside the pod.
func listenGenerate(addr string) (net.Listener, error) {
	if path, ok := strings.CutPrefix(addr, "unix:"); ok {
		// A socket a killed agent left is replaced, or every restart
		// failed with "address already in use" (see sockclaim).
		unlock, err := sockclaim.Claim(path, "unix")
		if err != nil {
			return nil, fmt.Errorf("generation API address %s: %w", addr, err)
		}
		ln, err := net.Listen("unix", path)
		if err != nil {
			unlock()
			return nil, fmt.Errorf("generation API address: %w", err)
		}
		return &claimedListener{Listener: ln, unlock: unlock}, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("generation API address: %w", err)
	}
	return ln, nil
}

// claimedListener holds its path's claim until it is closed.
type claimedListener struct {
	net.Listener
	unlock func()
	once   sync.Once
}

func (l *claimedListener) Close() error {
	err := l.Listener.Close()
	l.once.Do(l.unlock)
	return err
}

// checkGenerateListen refuses a generation API address that is not a unix
// socket or a loopback address.
func checkGenerateListen(addr string) error {
	if path, ok := strings.CutPrefix(addr, "unix:"); ok {
		if path == "" {
			return fmt.Errorf("generation API address %q: no socket path", addr)
		}
		// A relative path would be bound (and its lock file made) in
		// whatever folder the agent was started from, the project's
		// files among them, where no client would look for it.
		if !filepath.IsAbs(path) && !strings.HasPrefix(path, "/") {
			return fmt.Errorf("generation API address %q: want an absolute socket path, unix:/path", addr)
		}
		return nil
	}
	if err := CheckListen(addr); err != nil {
		return fmt.Errorf("generation API address %q: %w", addr, err)
	}
	if IsLoopback(addr) {
		return nil
	}
	return fmt.Errorf("generation API address %q: only a loopback address or unix:/path is allowed (the API must not leave the pod)", addr)
}

// CheckListen accepts a TCP listen address as net.Listen does (host:port,
// the port a number, a service name, or empty or 0 for a free one), before
// anything is listened on. Service names are read from the local services
// file, not the network.
func CheckListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return fmt.Errorf("port %q: want a number from 0 to 65535 or a service name", port)
	}
	return nil
}

// IsLoopback reports whether a host:port address binds only the local
// machine: localhost or a loopback IP.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}
