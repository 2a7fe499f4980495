package spanrelay

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"sync"
	"syscall"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/internal/atomicfile"
)

// MaxDatagram is the largest record the receiver reads; the sender never
// sends one larger (runrecord.MaxSend).
const MaxDatagram = 256 << 10

// readBuffer is the socket's receive buffer, room for a few of the largest
// records. On Linux the queue also holds at most net.unix.max_dgram_qlen
// datagrams (10 by default), whatever their size: a burst of more runs than
// that waits for the receiver (runrecord.SendWait), then exports by itself.
const readBuffer = 4 << 20

// drainQuiet is how long Shutdown keeps reading after it removed the
// socket's path: a sender that found the path before can still deliver
// for as long as it waits for room (runrecord.SendWait, 25 ms).
const drainQuiet = 250 * time.Millisecond

// pollEvery is how often the receiver looks at the socket while runs come
// faster than that. A run that sends to a socket whose reader waits on it
// pays for waking the reader (most of what its datagram costs it; see
// socket), and the reader pays for every wake-up too: on a 2-CPU VM a Go
// process woken from sleep spent about 0.25 ms of CPU each time. So the
// receiver waits on the socket while runs are sparse, one wake-up per run,
// and, once two runs come less than pollEvery apart, stops waiting and
// looks every pollEvery instead, taking all the runs queued meanwhile, until
// a look finds none. At 10 ms the socket's queue (ten datagrams on Linux)
// holds a thousand runs a second, and a run that finds it full waits for
// room (runrecord.SendWait, 25 ms) longer than the next look.
const pollEvery = 10 * time.Millisecond

// Config configures a Receiver.
type Config struct {
	// Path is where the socket is created. It must not exist, or be a
	// socket that nothing listens on any more (an agent that was killed).
	Path string
	// Forward passes on the spans of one run. It may block: datagrams
	// then wait in the socket's buffer, and senders that find it full
	// export by themselves.
	Forward func([]sdktrace.ReadOnlySpan)
	// Counted is told of each record received: nil error if it was
	// forwarded, the reason it was refused otherwise.
	Counted func(error)
	// Logger receives a warning for the first refused record.
	Logger *slog.Logger
}

// Receiver reads relayed run records from a Unix datagram socket. It has an
// explicit lifecycle: NewReceiver, Start, Shutdown.
type Receiver struct {
	cfg      Config
	sock     *socket
	unlock   func() // releases the path's lock (see lockPath)
	done     chan struct{}
	warn     sync.Once
	closing  chan struct{} // closed by Shutdown: drain, then stop
	abandon  chan struct{} // closed when Shutdown gives up waiting: stop now
	shutdown sync.Once
	err      error // Shutdown's
	closeErr error // the socket's close, by serve as it returns
}

// NewReceiver checks cfg.
func NewReceiver(cfg Config) (*Receiver, error) {
	if cfg.Path == "" || cfg.Forward == nil {
		return nil, errors.New("spanrelay: a path and a Forward function are required")
	}
	if cfg.Counted == nil {
		cfg.Counted = func(error) {}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Receiver{cfg: cfg, done: make(chan struct{}), closing: make(chan struct{}), abandon: make(chan struct{})}, nil
}

// Start creates the socket, readable and writable by this user only, and
// starts reading it. A lock file beside it (the path plus ".lock", left in
// place) is held until Shutdown, so two receivers never claim one path.
func (r *Receiver) Start() error {
	unlock, err := lockPath(r.cfg.Path)
	if err != nil {
		return fmt.Errorf("relay socket %s: %w", r.cfg.Path, err)
	}
	if err := claim(r.cfg.Path); err != nil {
		unlock()
		return err
	}
	sock, err := listen(r.cfg.Path)
	if err != nil {
		unlock()
		return fmt.Errorf("relay socket: %w", err)
	}
	r.sock, r.unlock = sock, unlock
	go r.serve()
	return nil
}

// lockPath takes an exclusive lock on path+".lock", created if need be
// (and left behind: removing it would let a third receiver lock a new file
// while the second still holds the old one).
func lockPath(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	ok, err := atomicfile.TryLock(f)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("locking %s: %w", f.Name(), err)
		}
		return nil, errors.New("another process is receiving on it")
	}
	return func() { f.Close() }, nil // closing the file releases the lock
}

// claim makes sure path can be listened on, the caller holding its lock: it
// removes a socket left by a receiver that is gone, and refuses anything
// else that is there.
func claim(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("relay socket: %w", err)
	}
	if fi.Mode().Type() != fs.ModeSocket {
		return fmt.Errorf("relay socket %s: the path exists and is not a socket", path)
	}
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: path, Net: "unixgram"})
	if err == nil {
		// Bound by a process that does not take the lock (not a receiver).
		c.Close()
		return fmt.Errorf("relay socket %s: another process is receiving on it", path)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		return fmt.Errorf("relay socket: %w", err)
	}
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("relay socket: removing the stale socket: %w", err)
	}
	return nil
}

// serve reads datagrams until Shutdown: waiting on the socket while runs
// are sparse, looking at it on a timer while they are dense (pollEvery),
// and draining it once Shutdown began. It closes the socket as it returns: only this
// goroutine reads it, so no read can reach a descriptor reused meanwhile.
func (r *Receiver) serve() {
	defer close(r.done)
	defer func() { r.closeErr = r.sock.close() }()
	buf := make([]byte, MaxDatagram+1)
	timer := time.NewTimer(pollEvery)
	timer.Stop()
	var last time.Time // when a datagram was last read
	for {
		stopped, err := r.sock.wait()
		if err != nil {
			r.cfg.Logger.Warn("relay socket: waiting failed; no more runs are received", "err", err)
			return
		}
		if stopped {
			break
		}
		dense := time.Since(last) < pollEvery
		r.drain(buf)
		last = time.Now()
		if dense && r.poll(buf, timer, &last) {
			break
		}
	}
	// Shutdown removed the path: read until no datagram has come for
	// drainQuiet, or until Shutdown gives up.
	for last := time.Now(); time.Since(last) < drainQuiet; {
		if r.drain(buf) {
			last = time.Now()
		}
		timer.Reset(pollEvery)
		select {
		case <-timer.C:
		case <-r.abandon:
			return
		}
	}
}

// poll looks at the socket every pollEvery, reading what came meanwhile,
// until a look finds nothing (it returns false) or Shutdown began (true).
func (r *Receiver) poll(buf []byte, timer *time.Timer, last *time.Time) (closing bool) {
	for {
		timer.Reset(pollEvery)
		select {
		case <-timer.C:
		case <-r.closing:
			return true
		}
		if !r.drain(buf) {
			return false
		}
		*last = time.Now()
	}
}

// drain handles every queued datagram and reports whether there was one.
func (r *Receiver) drain(buf []byte) (got bool) {
	for {
		select {
		case <-r.abandon:
			return got
		default:
		}
		n, err := r.sock.recv(buf)
		if errors.Is(err, errEmpty) {
			return got
		}
		if err != nil {
			r.cfg.Logger.Warn("relay socket: read failed", "err", err)
			return got
		}
		got = true
		r.handle(buf[:n])
	}
}

func (r *Receiver) handle(b []byte) {
	var (
		spans []sdktrace.ReadOnlySpan
		err   error
	)
	if len(b) > MaxDatagram {
		err = fmt.Errorf("a datagram over %d bytes", MaxDatagram)
	} else {
		spans, err = Spans(b)
	}
	r.cfg.Counted(err)
	if err != nil {
		r.warn.Do(func() {
			r.cfg.Logger.Warn("relay socket: refused a run record (further ones are only counted)", "path", r.cfg.Path, "err", err)
		})
		return
	}
	if len(spans) > 0 {
		r.cfg.Forward(spans)
	}
}

// Shutdown removes the socket's path, so runs that start now export by
// themselves, and forwards what was already sent: it reads until no
// datagram has arrived for a quarter of a second, or until ctx is done.
// Later calls return the first one's result.
func (r *Receiver) Shutdown(ctx context.Context) error {
	r.shutdown.Do(func() { r.err = r.stop(ctx) })
	return r.err
}

func (r *Receiver) stop(ctx context.Context) error {
	if r.sock == nil {
		return nil
	}
	defer r.unlock()
	// The lock is held: the path is this receiver's socket.
	err := os.Remove(r.cfg.Path)
	if errors.Is(err, fs.ErrNotExist) { // someone else removed it: nothing is lost
		err = nil
	}
	close(r.closing)
	r.sock.stop()
	select {
	case <-r.done:
	case <-ctx.Done():
		// A Forward blocked on a full export queue ends when the export
		// does; serve stops then, without this call waiting.
		close(r.abandon)
		return errors.Join(err, fmt.Errorf("relay socket: draining: %w", ctx.Err()))
	}
	return errors.Join(err, r.closeErr)
}
