package connlimit

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limiter tracks a server's connections. Wrap the listener with Listener and
// set the server's ConnState to the Limiter's ConnState.
type Limiter struct {
	max int

	mu    sync.Mutex
	conns map[net.Conn]*state
}

type state struct {
	idle  bool      // between requests, or before the first
	fresh bool      // no request yet
	since time.Time // when it became idle
}

// New returns a Limiter allowing max open connections.
func New(max int) *Limiter {
	return &Limiter{max: max, conns: map[net.Conn]*state{}}
}

// Listener wraps ln so that accepted connections count against the limit.
func (l *Limiter) Listener(ln net.Listener) net.Listener { return &listener{Listener: ln, l: l} }

// Open reports the connections currently held.
func (l *Limiter) Open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

// Busy reports the connections a graceful shutdown waits for, as net/http's
// does: those in the middle of a request (read from, being answered, or
// with an answer not yet all written) and those opened that have not sent
// one yet, whose request may be on its way (the server's header timeout
// ends those that never send). Not those kept alive between requests.
func (l *Limiter) Busy() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, st := range l.conns {
		if !st.idle || st.fresh {
			n++
		}
	}
	return n
}

// ConnState is the http.Server hook that tells busy connections from idle
// ones.
func (l *Limiter) ConnState(c net.Conn, s http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st, ok := l.conns[c]
	if !ok {
		return
	}
	switch s {
	case http.StateActive:
		st.idle, st.fresh = false, false
	case http.StateIdle:
		st.idle, st.since = true, time.Now()
	case http.StateHijacked, http.StateClosed:
		delete(l.conns, c)
	}
}

// admit makes room for c, closing the longest-idle connection if the limit
// is reached; false means every connection is busy.
func (l *Limiter) admit(c net.Conn) bool {
	l.mu.Lock()
	var victim net.Conn
	if len(l.conns) >= l.max {
		var oldest time.Time
		for vc, st := range l.conns {
			if st.idle && (victim == nil || st.since.Before(oldest)) {
				victim, oldest = vc, st.since
			}
		}
		if victim == nil {
			l.mu.Unlock()
			return false
		}
		delete(l.conns, victim)
	}
	l.conns[c] = &state{idle: true, fresh: true, since: time.Now()}
	l.mu.Unlock()
	if victim != nil {
		// Closing unblocks the server's read on it; its goroutine ends.
		_ = victim.Close()
	}
	return true
}

func (l *Limiter) forget(c net.Conn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.conns, c)
}

type listener struct {
	net.Listener
	l *Limiter
}

func (ln *listener) Accept() (net.Conn, error) {
	for {
		c, err := ln.Listener.Accept()
		if err != nil {
			return nil, err
		}
		tc := &conn{Conn: c, l: ln.l}
		if ln.l.admit(tc) {
			return tc, nil
		}
		_ = c.Close() // all busy: refuse rather than queue behind them
	}
}

type conn struct {
	net.Conn
	l    *Limiter
	once sync.Once
}

func (c *conn) Close() error {
	c.once.Do(func() { c.l.forget(c) })
	return c.Conn.Close()
}
