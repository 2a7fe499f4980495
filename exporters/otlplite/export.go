package otlplite

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hypergen-dev/hypergen/exporters/otlplite/internal/hpack"
)

// maxBatch is the most spans per export request, the SDK batch span
// processor's default OTEL_BSP_MAX_EXPORT_BATCH_SIZE.
const maxBatch = 512

const exportPath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export"

// userAgent names the exporter in the Collector's logs, as grpc-go's
// "grpc-go/x.y" and the SDK's "OTel Go Exporter" do.
const userAgent = "hypergen-otlplite"

// staleAfter is how long a warm connection may have been open before
// Shutdown checks that the server still keeps it: most runs end well within
// it and skip the check's system call; a run that waited at a prompt does
// not.
var staleAfter = time.Second

// warmDial is a connection being opened ahead of Shutdown.
type warmDial struct {
	cancel context.CancelFunc
	done   chan struct{}
	conn   *h2conn
	err    error
}

// Warm starts connecting to the endpoint in the background so that the TCP
// and HTTP/2 handshakes overlap the run's work instead of adding to
// Shutdown. It does nothing after Shutdown or a previous Warm. Shutdown
// closes the connection whether or not there are spans to send.
func (p *TracerProvider) Warm() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || p.warm != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &warmDial{cancel: cancel, done: make(chan struct{})}
	p.warm = w
	go func() {
		defer close(w.done)
		w.conn, w.err = dialH2(ctx, p.cfg.Endpoint)
	}()
}

// connect returns the warmed connection, or dials one now.
func (p *TracerProvider) connect(ctx context.Context, w *warmDial) (*h2conn, error) {
	if w == nil {
		return dialH2(ctx, p.cfg.Endpoint)
	}
	select {
	case <-w.done:
		return w.conn, w.err
	case <-ctx.Done():
		w.cancel()
		<-w.done // DialContext returns promptly once cancelled
		if w.conn != nil {
			w.conn.close()
		}
		return nil, fmt.Errorf("connecting: %w", ctx.Err())
	}
}

// Shutdown stops recording and exports the ended spans, in requests of at
// most 512 spans over one connection. ctx bounds the whole export; there is
// one attempt and no retry (a warm dial that failed is tried again, and a
// warm connection the server closed while idle is replaced, before anything
// is sent). Spans ended afterwards are
// dropped. Errors name the endpoint and what failed (connection refused, a
// gRPC status, a reset, the deadline). Later calls do nothing and return
// nil.
func (p *TracerProvider) Shutdown(ctx context.Context) error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	p.stopped.Store(true)
	spans, tracers, w := p.ended, p.tracers, p.warm
	p.ended = nil
	p.mu.Unlock()

	if len(spans) == 0 {
		if w != nil {
			w.cancel()
			<-w.done
			if w.conn != nil {
				w.conn.close()
			}
		}
		return nil
	}
	if err := p.export(ctx, w, tracers, spans); err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			// Conn deadlines come from ctx: report ctx's error, even
			// if its own timer has not fired yet.
			cause := ctx.Err()
			if cause == nil {
				cause = context.DeadlineExceeded
			}
			err = fmt.Errorf("no answer in time: %w", cause)
		}
		return fmt.Errorf("otlp export to %s: %w", p.cfg.Endpoint, err)
	}
	return nil
}

func (p *TracerProvider) export(ctx context.Context, w *warmDial, tracers []*tracer, spans []*span) error {
	if w != nil {
		defer w.cancel() // releases the warm dial's context
	}
	c, err := p.connect(ctx, w)
	if err != nil && w != nil && ctx.Err() == nil {
		// The warm dial failed on its own as the run started (a Collector
		// not up yet, or restarting): it may be up by now, and a second
		// refusal costs no more than the first.
		c, err = dialH2(ctx, p.cfg.Endpoint)
	}
	if err != nil {
		return err
	}
	if w != nil && time.Since(c.opened) > staleAfter && !c.stillOpen() {
		// The warm connection sat idle (the run waited at a prompt, say)
		// and the server, or a proxy on the way, closed it or announced
		// it would (GOAWAY). Nothing was sent on it, so a new connection
		// loses and repeats nothing.
		c.close()
		if c, err = dialH2(ctx, p.cfg.Endpoint); err != nil {
			return err
		}
	}
	defer c.close()
	dl, _ := ctx.Deadline()
	c.nc.SetDeadline(dl) // none when ctx has none
	// Cancelling ctx (not only its deadline) interrupts blocked I/O.
	stop := context.AfterFunc(ctx, func() { c.nc.SetDeadline(time.Unix(1, 0)) })
	defer stop()

	var body []byte
	for len(spans) > 0 {
		n := min(len(spans), maxBatch)
		body = encodeRequest(body, p.cfg.Resource, tracers, spans[:n])
		resp, err := c.roundTrip(p.requestFields(ctx), body)
		if err != nil {
			return err
		}
		if err := resp.err(); err != nil {
			return err
		}
		spans = spans[n:]
	}
	return nil
}

// requestFields is the header block of one Export call: the gRPC
// pseudo-headers and metadata, the time left as grpc-timeout so the server
// gives up when the client does, and the configured headers.
func (p *TracerProvider) requestFields(ctx context.Context) []hpack.HeaderField {
	f := []hpack.HeaderField{
		{Name: ":method", Value: "POST"},
		{Name: ":scheme", Value: "http"},
		{Name: ":path", Value: exportPath},
		{Name: ":authority", Value: p.cfg.Endpoint},
		{Name: "content-type", Value: "application/grpc"},
		{Name: "te", Value: "trailers"},
		{Name: "user-agent", Value: userAgent},
	}
	if dl, ok := ctx.Deadline(); ok {
		f = append(f, hpack.HeaderField{Name: "grpc-timeout", Value: grpcTimeout(time.Until(dl))})
	}
	for k, v := range p.cfg.Headers {
		f = append(f, hpack.HeaderField{Name: strings.ToLower(k), Value: v})
	}
	return f
}

// grpcTimeout formats d in the largest precision whose value fits the
// protocol's eight digits.
func grpcTimeout(d time.Duration) string {
	d = max(d, time.Microsecond)
	switch {
	case d < 1e8*time.Microsecond:
		return strconv.FormatInt(d.Microseconds(), 10) + "u"
	case d < 1e8*time.Millisecond:
		return strconv.FormatInt(d.Milliseconds(), 10) + "m"
	default:
		return strconv.FormatInt(int64(min(d/time.Second, 1e8-1)), 10) + "S"
	}
}

// grpcCodeNames are the canonical gRPC status code names.
var grpcCodeNames = [...]string{
	"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
	"NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
	"FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
	"INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
}

// err turns a finished response into the export's outcome: a non-zero
// grpc-status, a non-gRPC answer, or spans the Collector reported as
// rejected (ExportTraceServiceResponse.partial_success).
func (r *response) err() error {
	if r.grpcStatus == "" {
		return fmt.Errorf("HTTP status %s without a grpc-status (not an OTLP/gRPC endpoint?)", r.httpStatus)
	}
	code, err := strconv.Atoi(r.grpcStatus)
	if err != nil {
		return fmt.Errorf("malformed grpc-status %q", r.grpcStatus)
	}
	if code != 0 {
		name := "unknown code"
		if code > 0 && code < len(grpcCodeNames) {
			name = grpcCodeNames[code]
		}
		return fmt.Errorf("grpc status %d (%s): %s", code, name, r.grpcMessage)
	}
	if rejected, msg := partialSuccess(r.body); rejected > 0 || msg != "" {
		return fmt.Errorf("collector rejected %d spans: %s", rejected, msg)
	}
	return nil
}

// partialSuccess reads ExportTraceServiceResponse.partial_success
// (field 1: rejected_spans = 1, error_message = 2) from a gRPC-framed body.
func partialSuccess(body []byte) (rejected int64, msg string) {
	if len(body) < grpcHeaderLen {
		return 0, ""
	}
	n := binary.BigEndian.Uint32(body[1:grpcHeaderLen])
	m := body[grpcHeaderLen:]
	if uint32(len(m)) < n {
		return 0, ""
	}
	for m = m[:n]; len(m) > 0; {
		f, rest, ok := nextField(m)
		if !ok {
			return 0, ""
		}
		m = rest
		if f.num != 1 || f.wire != wireBytes {
			continue
		}
		for ps := f.b; len(ps) > 0; {
			g, rest, ok := nextField(ps)
			if !ok {
				break
			}
			ps = rest
			switch {
			case g.num == 1 && g.wire == wireVarint:
				rejected = int64(g.u)
			case g.num == 2 && g.wire == wireBytes:
				msg = string(g.b)
			}
		}
	}
	return rejected, msg
}
