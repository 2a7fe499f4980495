package otlplite

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hypergen-dev/hypergen/exporters/otlplite/internal/hpack"
)

// HTTP/2 (RFC 9113) frame types, flags, settings and defaults the client uses.
const (
	frameData         = 0x0
	frameHeaders      = 0x1
	frameRSTStream    = 0x3
	frameSettings     = 0x4
	framePushPromise  = 0x5
	framePing         = 0x6
	frameGoAway       = 0x7
	frameWindowUpdate = 0x8
	frameContinuation = 0x9

	flagEndStream  = 0x1
	flagAck        = 0x1
	flagEndHeaders = 0x4
	flagPadded     = 0x8
	flagPriority   = 0x20

	settingEnablePush        = 0x2
	settingInitialWindowSize = 0x4
	settingMaxFrameSize      = 0x5

	// maxResponse bounds a response's header block and body: an
	// ExportTraceServiceResponse is a few bytes, so more is not OTLP.
	maxResponse = 1 << 20

	frameHeaderLen  = 9
	defaultWindow   = 65535
	defaultMaxFrame = 16384
	maxWindow       = 1<<31 - 1
	streamIDMask    = 1<<31 - 1

	clientPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
)

// h2conn is a client HTTP/2 connection that runs one stream at a time.
// It is driven from a single goroutine: it sends DATA while the peer's
// windows allow and otherwise reads and handles the peer's frames
// (WINDOW_UPDATE, SETTINGS, PING, GOAWAY, the response) until they do.
// The response is a few bytes, so the peer never waits on our reads.
type h2conn struct {
	nc net.Conn
	r  *bufio.Reader
	w  *bufio.Writer

	maxFrame     int   // peer's SETTINGS_MAX_FRAME_SIZE
	initWindow   int64 // peer's SETTINGS_INITIAL_WINDOW_SIZE
	connWindow   int64 // what we may still send on the connection
	streamWindow int64 // ... and on the current stream
	nextStream   uint32
	goAway       error     // set once the peer sent GOAWAY
	opened       time.Time // when the handshake completed

	hblock []byte // request header block being written
	hdec   *hpack.Decoder
	fields []hpack.HeaderField
	hdr    [frameHeaderLen]byte
	buf    []byte
}

// dialH2 connects, sends the client preface and SETTINGS (server push off)
// and waits for the server's SETTINGS, as grpc-go does: sending at the
// default window before knowing the server's could overrun a smaller one.
// ctx bounds the handshake.
func dialH2(ctx context.Context, addr string) (*h2conn, error) {
	var d net.Dialer
	nc, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		var oe *net.OpError
		if errors.As(err, &oe) && ctx.Err() == nil {
			err = oe.Err // "connect: connection refused", without repeating the address
		}
		return nil, fmt.Errorf("connecting: %w", err)
	}
	c := &h2conn{
		nc:           nc,
		r:            bufio.NewReader(nc),
		w:            bufio.NewWriterSize(nc, frameHeaderLen+defaultMaxFrame),
		maxFrame:     defaultMaxFrame,
		initWindow:   defaultWindow,
		connWindow:   defaultWindow,
		streamWindow: defaultWindow,
		nextStream:   1,
	}
	// We never advertise SETTINGS_HEADER_TABLE_SIZE, so the server's
	// table may use the default 4096 bytes.
	c.hdec = hpack.NewDecoder(4096, maxResponse)
	c.w.WriteString(clientPreface)
	var settings [6]byte
	binary.BigEndian.PutUint16(settings[0:], settingEnablePush)
	c.writeFrame(frameSettings, 0, 0, settings[:])
	if dl, ok := ctx.Deadline(); ok {
		nc.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { nc.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	typ, flags, _, p, err := c.readFrame()
	if err == nil && (typ != frameSettings || flags&flagAck != 0) {
		err = errors.New("the server's first frame is not SETTINGS")
	}
	if err == nil {
		err = c.applySettings(p)
	}
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("HTTP/2 handshake (is this an OTLP/gRPC endpoint?): %w", err)
	}
	c.writeFrame(frameSettings, flagAck, 0, nil)
	c.opened = time.Now()
	return c, nil
}

func (c *h2conn) close() error { return c.nc.Close() }

// writeFrame buffers a frame; write errors stick in the bufio.Writer and
// surface at the next flush.
func (c *h2conn) writeFrame(typ, flags byte, stream uint32, payload []byte) {
	var h [frameHeaderLen]byte
	h[0], h[1], h[2] = byte(len(payload)>>16), byte(len(payload)>>8), byte(len(payload))
	h[3], h[4] = typ, flags
	binary.BigEndian.PutUint32(h[5:], stream)
	c.w.Write(h[:])
	c.w.Write(payload)
}

// readFrame reads one frame. The payload is valid until the next call.
// What is buffered to send is flushed first, but only when the read would
// wait for the server: the request must be out before its answer can come,
// while the acknowledgements and window updates that frames already
// received call for can wait. The response usually arrives in one segment
// with a PING and a WINDOW_UPDATE, and the connection is closed right
// after it, so their answers are never written: two write(2) calls, and
// the server's work reading them, saved per export.
func (c *h2conn) readFrame() (typ, flags byte, stream uint32, payload []byte, err error) {
	if err := c.flushUnless(frameHeaderLen); err != nil {
		return 0, 0, 0, nil, err
	}
	if _, err := io.ReadFull(c.r, c.hdr[:]); err != nil {
		return 0, 0, 0, nil, fmt.Errorf("reading: %w", closedErr(err))
	}
	n := int(c.hdr[0])<<16 | int(c.hdr[1])<<8 | int(c.hdr[2])
	if n > defaultMaxFrame { // we never raise our SETTINGS_MAX_FRAME_SIZE
		return 0, 0, 0, nil, fmt.Errorf("server sent a %d-byte frame, over the %d-byte limit", n, defaultMaxFrame)
	}
	if cap(c.buf) < n {
		c.buf = make([]byte, n)
	}
	payload = c.buf[:n]
	if err := c.flushUnless(n); err != nil {
		return 0, 0, 0, nil, err
	}
	if _, err := io.ReadFull(c.r, payload); err != nil {
		return 0, 0, 0, nil, fmt.Errorf("reading: %w", closedErr(err))
	}
	return c.hdr[3], c.hdr[4], binary.BigEndian.Uint32(c.hdr[5:]) & streamIDMask, payload, nil
}

// flushUnless sends what is buffered unless n bytes have already been
// received, so that reading them cannot block.
func (c *h2conn) flushUnless(n int) error {
	if c.r.Buffered() >= n || c.w.Buffered() == 0 {
		return nil
	}
	if err := c.w.Flush(); err != nil {
		return fmt.Errorf("sending: %w", closedErr(err))
	}
	return nil
}

// closedErr names a connection the server closed or reset.
func closedErr(err error) error {
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("connection closed by the server")
	case errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE):
		return fmt.Errorf("connection closed by the server: %w", err)
	}
	return err
}

// response collects what the server sent on the current stream.
type response struct {
	httpStatus  string
	grpcStatus  string
	grpcMessage string
	body        []byte
	done        bool
}

// roundTrip sends one request (header fields, then body as DATA frames
// within the peer's frame size and flow-control windows) on a new stream
// and reads until the server ends the stream.
func (c *h2conn) roundTrip(fields []hpack.HeaderField, body []byte) (*response, error) {
	if c.goAway != nil {
		return nil, c.goAway
	}
	id := c.nextStream
	c.nextStream += 2
	c.streamWindow = c.initWindow
	c.writeHeaders(id, fields)
	resp := &response{}
	for sent := 0; sent < len(body) && !resp.done; {
		n := int(min(int64(len(body)-sent), int64(c.maxFrame), c.connWindow, c.streamWindow))
		if n <= 0 {
			if err := c.handleFrame(id, resp); err != nil {
				return nil, err
			}
			continue
		}
		var flags byte
		if sent+n == len(body) {
			flags = flagEndStream
		}
		c.writeFrame(frameData, flags, id, body[sent:sent+n])
		sent += n
		c.connWindow -= int64(n)
		c.streamWindow -= int64(n)
	}
	for !resp.done {
		if err := c.handleFrame(id, resp); err != nil {
			return nil, err
		}
	}
	return resp, nil
}

// writeHeaders sends a header block as HEADERS plus CONTINUATION frames no
// larger than the peer's frame size.
func (c *h2conn) writeHeaders(id uint32, fields []hpack.HeaderField) {
	c.hblock = c.hblock[:0]
	for _, f := range fields {
		c.hblock = hpack.AppendField(c.hblock, f)
	}
	block := c.hblock
	typ := byte(frameHeaders)
	for {
		n := min(len(block), c.maxFrame)
		var flags byte
		if n == len(block) {
			flags = flagEndHeaders
		}
		c.writeFrame(typ, flags, id, block[:n])
		block = block[n:]
		if len(block) == 0 {
			return
		}
		typ = frameContinuation
	}
}

// handleFrame reads one frame and acts on it: response parts of stream id
// go to resp, connection-level frames update the connection.
func (c *h2conn) handleFrame(id uint32, resp *response) error {
	typ, flags, stream, p, err := c.readFrame()
	if err != nil {
		return err
	}
	switch typ {
	case frameData:
		if n := uint32(len(p)); n > 0 {
			// Give back the window the response used so a server is
			// never blocked on it.
			c.windowUpdate(0, n)
			if stream == id && flags&flagEndStream == 0 {
				c.windowUpdate(id, n)
			}
		}
		if p, err = unpad(flags, p); err != nil {
			return err
		}
		if stream == id {
			if len(resp.body)+len(p) > maxResponse {
				return fmt.Errorf("response body over %d bytes", maxResponse)
			}
			resp.body = append(resp.body, p...)
			resp.done = flags&flagEndStream != 0
		}
	case frameHeaders:
		if err := c.readHeaderBlock(stream, flags, p); err != nil {
			return err
		}
		if stream == id {
			resp.addHeaders(c.fields)
			resp.done = flags&flagEndStream != 0
		}
	case frameRSTStream:
		if stream == id && len(p) == 4 {
			return fmt.Errorf("stream reset by the server (%s)", h2ErrorName(binary.BigEndian.Uint32(p)))
		}
	case frameSettings:
		if flags&flagAck == 0 {
			if err := c.applySettings(p); err != nil {
				return err
			}
			c.writeFrame(frameSettings, flagAck, 0, nil)
		}
	case framePing:
		if flags&flagAck == 0 {
			c.writeFrame(framePing, flagAck, 0, p)
		}
	case frameGoAway:
		if len(p) < 8 {
			return errors.New("malformed GOAWAY from the server")
		}
		last := binary.BigEndian.Uint32(p) & streamIDMask
		debug := p[8:]
		if len(debug) > 128 { // it is for people, and may run to the frame's size
			debug = debug[:128]
		}
		c.goAway = fmt.Errorf("server closed the connection (GOAWAY %s %q)", h2ErrorName(binary.BigEndian.Uint32(p[4:])), debug)
		if id > last { // the server will not process this request
			return c.goAway
		}
	case frameWindowUpdate:
		if len(p) != 4 {
			return errors.New("malformed WINDOW_UPDATE from the server")
		}
		inc := int64(binary.BigEndian.Uint32(p) & streamIDMask)
		switch stream {
		case 0:
			c.connWindow += inc
		case id:
			c.streamWindow += inc
		}
		if c.connWindow > maxWindow || c.streamWindow > maxWindow {
			return errors.New("server overflowed the flow-control window")
		}
	case framePushPromise:
		return errors.New("server sent PUSH_PROMISE though push is disabled")
	}
	return nil
}

func (c *h2conn) windowUpdate(stream, n uint32) {
	var p [4]byte
	binary.BigEndian.PutUint32(p[:], n)
	c.writeFrame(frameWindowUpdate, 0, stream, p[:])
}

// readHeaderBlock decodes a HEADERS frame's block, and the CONTINUATION
// frames completing it, into c.fields. Every block is decoded, whatever its
// stream, because HPACK state is shared by the connection.
func (c *h2conn) readHeaderBlock(stream uint32, flags byte, p []byte) error {
	p, err := unpad(flags, p)
	if err != nil {
		return err
	}
	if flags&flagPriority != 0 {
		if len(p) < 5 {
			return errors.New("malformed HEADERS from the server")
		}
		p = p[5:]
	}
	block := append([]byte(nil), p...)
	for flags&flagEndHeaders == 0 {
		var typ byte
		var s uint32
		typ, flags, s, p, err = c.readFrame()
		if err != nil {
			return err
		}
		if typ != frameContinuation || s != stream {
			return errors.New("server interrupted a header block")
		}
		if len(block)+len(p) > maxResponse {
			return fmt.Errorf("response header block over %d bytes", maxResponse)
		}
		block = append(block, p...)
	}
	if c.fields, err = c.hdec.Decode(c.fields[:0], block); err != nil {
		return fmt.Errorf("decoding response headers: %w", err)
	}
	return nil
}

func unpad(flags byte, p []byte) ([]byte, error) {
	if flags&flagPadded == 0 {
		return p, nil
	}
	if len(p) == 0 || int(p[0]) >= len(p) {
		return nil, errors.New("malformed padding from the server")
	}
	return p[1 : len(p)-int(p[0])], nil
}

func (c *h2conn) applySettings(p []byte) error {
	if len(p)%6 != 0 {
		return errors.New("malformed SETTINGS from the server")
	}
	// SETTINGS_HEADER_TABLE_SIZE does not matter: our requests never
	// index fields, so the server's table stays empty.
	for ; len(p) > 0; p = p[6:] {
		v := binary.BigEndian.Uint32(p[2:])
		switch binary.BigEndian.Uint16(p) {
		case settingInitialWindowSize:
			if v > maxWindow {
				return errors.New("server set an initial window over 2^31-1")
			}
			// A new initial size shifts the open stream's window too.
			c.streamWindow += int64(v) - c.initWindow
			c.initWindow = int64(v)
		case settingMaxFrameSize:
			if v < defaultMaxFrame || v > 1<<24-1 {
				return fmt.Errorf("server set an invalid max frame size %d", v)
			}
			c.maxFrame = int(v)
		}
	}
	return nil
}

func (r *response) addHeaders(fields []hpack.HeaderField) {
	for _, f := range fields {
		switch f.Name {
		case ":status":
			r.httpStatus = f.Value
		case "grpc-status":
			r.grpcStatus = f.Value
		case "grpc-message":
			r.grpcMessage = percentDecode(f.Value)
		}
	}
}

// percentDecode undoes gRPC's percent-encoding of grpc-message; a malformed
// escape is kept as it is.
func percentDecode(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, s[i])
	}
	return string(out)
}

var h2ErrorNames = [...]string{
	"NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR",
	"SETTINGS_TIMEOUT", "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM",
	"CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM",
	"INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED",
}

func h2ErrorName(code uint32) string {
	if int(code) < len(h2ErrorNames) {
		return h2ErrorNames[code]
	}
	return "error code " + strconv.FormatUint(uint64(code), 10)
}

// handleReceived handles the frames already in the read buffer without
// reading more, so that it cannot wait; skip carries the part of an
// ignored frame still to discard from one call to the next. It reports
// whether the server is done with the connection: an idle connection (no
// stream open yet) is sent only connection-level frames (SETTINGS, PING,
// WINDOW_UPDATE, which are handled) and frames to ignore (PRIORITY, types
// it does not know, RFC 9113 §5.5); a GOAWAY, known from its header alone,
// or a stream's frame means a new connection is needed.
func (c *h2conn) handleReceived(skip *int) (done bool) {
	for {
		if *skip > 0 {
			d := min(*skip, c.r.Buffered())
			c.r.Discard(d)
			if *skip -= d; *skip > 0 {
				return false
			}
		}
		if c.r.Buffered() < frameHeaderLen {
			return false
		}
		hdr, _ := c.r.Peek(frameHeaderLen)
		n := int(hdr[0])<<16 | int(hdr[1])<<8 | int(hdr[2])
		switch hdr[3] {
		case frameGoAway, frameData, frameHeaders, frameRSTStream, framePushPromise, frameContinuation:
			return true
		case frameSettings, framePing, frameWindowUpdate:
			if frameHeaderLen+n > c.r.Size() {
				return true // no server sends such a frame to an idle client
			}
			if c.r.Buffered() < frameHeaderLen+n {
				return false
			}
			if c.handleFrame(0, &response{}) != nil {
				return true
			}
		default:
			c.r.Discard(frameHeaderLen)
			*skip = n
		}
	}
}

// openByWhatWasRead is stillOpen for a connection whose socket cannot be
// peeked at: the frames already read are all there is to go by.
func (c *h2conn) openByWhatWasRead() bool {
	skip := 0
	return !c.handleReceived(&skip) && skip == 0 && c.goAway == nil
}
