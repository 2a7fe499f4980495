package spanrelay

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/hypergen-dev/hypergen/internal/sockclaim"
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

// coalesce is how long the receiver lets datagrams queue while runs keep
// coming (serve). The queue's ten datagrams then take up to a thousand runs
// a second before a sender has to wait for room; a run that waits is
// woken as soon as the window ends.
const coalesce = 10 * time.Millisecond

// Config configures a Receiver.
type Config struct {
	// Path is where the socket is created. It must not exist, or be a
	// socket that nothing listens on any more (an agent that was killed).
	Path string
	// Forward passes on the spans of a run as they are made, at most
	// Chunk at a time; it must not keep the slice. It may block: the
	// replay then waits, datagrams wait in the socket's buffer, and
	// senders that find it full export by themselves.
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
	cfg       Config
	sock      *datagramSocket
	unlock    func() // releases the path's lock (sockclaim.Claim)
	done      chan struct{}
	warn      sync.Once
	stopping  atomic.Bool // Shutdown has begun
	abandoned atomic.Bool // Shutdown stopped waiting for the drain
	shutdown  sync.Once
	err       error // Shutdown's
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
	return &Receiver{cfg: cfg, done: make(chan struct{})}, nil
}

// Start creates the socket, readable and writable by this user only, and
// starts reading it. Its path's lock (see sockclaim) is held until
// Shutdown, so two receivers never claim one path.
func (r *Receiver) Start() error {
	unlock, err := sockclaim.Claim(r.cfg.Path, "unixgram")
	if err != nil {
		return fmt.Errorf("relay socket %s: %w", r.cfg.Path, err)
	}
	sock, err := listen(r.cfg.Path)
	if err != nil {
		unlock()
		return fmt.Errorf("relay socket: %w", err)
	}
	sock.setReadBuffer(readBuffer) // a smaller one only makes senders fall back sooner
	r.sock, r.unlock = sock, unlock
	go r.serve()
	return nil
}

// serve reads the socket until Shutdown. It waits for runs through the
// runtime's poller, as a net.Conn does, until two come within coalesce of
// each other. Then it takes the socket out of the poller and reads what
// queued every coalesce, so that a sender finds nobody waiting and pays no
// wake-up (listen_unix.go); a window that brings nothing puts it back.
// Runs further apart than that are read as they come.
func (r *Receiver) serve() {
	defer close(r.done)
	defer r.sock.close()
	buf := make([]byte, MaxDatagram+1)
	var busy bool
	var last time.Time // when a read last found datagrams
	for !r.abandoned.Load() {
		if busy {
			time.Sleep(coalesce)
		} else if err := r.sock.waitIdle(); err != nil {
			r.cfg.Logger.Error("relay socket: waiting failed; no more runs are received", "err", err)
			return
		}
		if r.stopping.Load() {
			r.drain(buf)
			return
		}
		n := r.readQueued(buf)
		now := time.Now()
		if busy {
			busy = n > 0
		} else if n > 0 && now.Sub(last) < coalesce {
			busy = true
			r.sock.leavePoller()
		}
		if n > 0 {
			last = now
		}
	}
}

// drain reads until no datagram has arrived for drainQuiet: senders that
// found the path before Shutdown removed it may still be delivering.
func (r *Receiver) drain(buf []byte) {
	quiet := time.Now()
	for !r.abandoned.Load() && time.Since(quiet) < drainQuiet {
		if r.readQueued(buf) > 0 {
			quiet = time.Now()
		}
		time.Sleep(coalesce)
	}
}

// readQueued handles every datagram queued now, and says how many.
func (r *Receiver) readQueued(buf []byte) int {
	n := 0
	for !r.abandoned.Load() {
		size, pid, ok, err := r.sock.read(buf)
		if err != nil {
			r.cfg.Logger.Warn("relay socket: read failed", "err", err)
			break
		}
		if !ok {
			break
		}
		r.handle(buf[:size], pid)
		n++
	}
	return n
}

func (r *Receiver) handle(b []byte, pid int) {
	var err error
	if len(b) > MaxDatagram {
		err = fmt.Errorf("a datagram over %d bytes", MaxDatagram)
	} else {
		err = Spans(b, pid, r.cfg.Forward)
	}
	r.cfg.Counted(err)
	if err != nil {
		r.warn.Do(func() {
			r.cfg.Logger.Warn("relay socket: refused a run record (further ones are only counted)", "path", r.cfg.Path, "err", err)
		})
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
	r.stopping.Store(true)
	r.sock.wake()
	select {
	case <-r.done:
		return err
	case <-ctx.Done():
		// A Forward blocked on a full export queue ends when the export
		// does; serve stops then, and closes the socket, without this
		// call waiting.
		r.abandoned.Store(true)
		return errors.Join(err, fmt.Errorf("relay socket: draining: %w", ctx.Err()))
	}
}
