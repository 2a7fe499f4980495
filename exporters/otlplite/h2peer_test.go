package otlplite_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
	"google.golang.org/protobuf/proto"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
)

// peer is a scripted HTTP/2 server for the protocol cases grpc-go does not
// produce on demand: tiny windows, PINGs, CONTINUATION and padded frames,
// resets and GOAWAY. It serves one connection with serve, which writes
// frames with fr or raw bytes to conn, and reports what it saw on errs.
type peer struct {
	addr string
	errs chan string
}

func startPeer(t *testing.T, serve func(fr *http2.Framer, conn io.Writer, report func(string))) *peer {
	return startPeerConns(t, func(_ int, fr *http2.Framer, c net.Conn, report func(string)) { serve(fr, c, report) })
}

// startPeerConns is startPeer for a client that may open several
// connections: serve serves each, numbered from 1 in the order accepted.
func startPeerConns(t *testing.T, serve func(n int, fr *http2.Framer, conn net.Conn, report func(string))) *peer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &peer{addr: ln.Addr().String(), errs: make(chan string, 100)}
	report := func(s string) { p.errs <- s }
	var wg sync.WaitGroup
	wg.Go(func() {
		for n := 1; ; n++ {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(20 * time.Second))
				preface := make([]byte, len(http2.ClientPreface))
				if _, err := io.ReadFull(c, preface); err != nil || string(preface) != http2.ClientPreface {
					report("no client preface")
					return
				}
				fr := http2.NewFramer(c, c)
				fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
				serve(n, fr, c, report)
			})
		}
	})
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
		close(p.errs)
		for e := range p.errs {
			t.Error("peer: " + e)
		}
	})
	return p
}

// readRequest reads frames until the client ends a stream, granting window
// as told, and returns the stream and its body. maxOutstanding is the stream
// window the peer advertised: the client must never have more unacknowledged
// bytes in flight. It sets *pingAcked when the client acks a PING.
func readRequest(fr *http2.Framer, report func(string), maxOutstanding int, grant bool, pingAcked *bool) (uint32, []byte, bool) {
	var body []byte
	outstanding := 0
	for {
		f, err := fr.ReadFrame()
		if err != nil {
			report("reading: " + err.Error())
			return 0, nil, false
		}
		switch f := f.(type) {
		case *http2.PingFrame:
			*pingAcked = *pingAcked || f.IsAck() && string(f.Data[:5]) == "hyper"
		case *http2.DataFrame:
			body = append(body, f.Data()...)
			outstanding += len(f.Data())
			if outstanding > maxOutstanding {
				report("client overran the stream window")
			}
			if f.StreamEnded() {
				return f.StreamID, body, true
			}
			if grant && len(f.Data()) > 0 {
				fr.WriteWindowUpdate(0, uint32(len(f.Data())))
				fr.WriteWindowUpdate(f.StreamID, uint32(len(f.Data())))
				outstanding -= len(f.Data())
			}
		case *http2.MetaHeadersFrame:
			if f.PseudoValue("path") != "/opentelemetry.proto.collector.trace.v1.TraceService/Export" {
				report("wrong path " + f.PseudoValue("path"))
			}
		}
	}
}

// writeHeaders writes one header block, split into a HEADERS and a
// CONTINUATION frame to exercise reassembly.
func writeHeaders(fr *http2.Framer, stream uint32, endStream bool, kv ...string) {
	var buf bytes.Buffer
	enc := hpack.NewEncoder(&buf)
	for i := 0; i < len(kv); i += 2 {
		enc.WriteField(hpack.HeaderField{Name: kv[i], Value: kv[i+1]})
	}
	block := buf.Bytes()
	half := len(block) / 2
	fr.WriteHeaders(http2.HeadersFrameParam{StreamID: stream, BlockFragment: block[:half], EndStream: endStream})
	fr.WriteContinuation(stream, true, block[half:])
}

func TestHTTP2Peer(t *testing.T) {
	const window = 1000
	tests := []struct {
		name  string
		serve func(fr *http2.Framer, conn io.Writer, report func(string))
		want  string // error substring; "" for success
	}{
		{"small windows, ping, continuation, padding", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings(http2.Setting{ID: http2.SettingInitialWindowSize, Val: window},
				http2.Setting{ID: http2.SettingMaxFrameSize, Val: 1 << 20})
			fr.WritePing(false, [8]byte{'h', 'y', 'p', 'e', 'r'})
			var pinged bool
			stream, body, ok := readRequest(fr, report, window, true, &pinged)
			if !ok {
				return
			}
			if len(body) < 5 || int(binary.BigEndian.Uint32(body[1:5])) != len(body)-5 {
				report("body is not one gRPC message")
				return
			}
			var req coltracepb.ExportTraceServiceRequest
			if err := proto.Unmarshal(body[5:], &req); err != nil {
				report("decoding the request: " + err.Error())
			}
			if n := len(req.ResourceSpans[0].ScopeSpans[0].Spans); n != 40 {
				report("wrong span count")
			}
			writeHeaders(fr, stream, false, ":status", "200", "content-type", "application/grpc")
			fr.WriteDataPadded(stream, false, []byte{0, 0, 0, 0, 0}, []byte{0, 0, 0})
			writeHeaders(fr, stream, true, "grpc-status", "0")
			for !pinged { // the client acks our PING before it reads the answer
				f, err := fr.ReadFrame()
				if err != nil {
					report("no PING ack")
					return
				}
				if p, ok := f.(*http2.PingFrame); ok {
					pinged = p.IsAck() && string(p.Data[:5]) == "hyper"
				}
			}
		}, ""},
		{"answer in one segment: nothing written after it", func(fr *http2.Framer, conn io.Writer, report func(string)) {
			fr.WriteSettings()
			stream, _, ok := readRequest(fr, report, 1<<20, false, new(bool))
			if !ok {
				return
			}
			// grpc-go's answer to a request: a WINDOW_UPDATE and a PING
			// (its bandwidth probe) with the response, all in one write.
			var seg bytes.Buffer
			w := http2.NewFramer(&seg, nil)
			w.WriteWindowUpdate(0, 1000)
			w.WritePing(false, [8]byte{'b', 'd', 'p'})
			writeHeaders(w, stream, false, ":status", "200", "content-type", "application/grpc")
			w.WriteData(stream, false, []byte{0, 0, 0, 0, 0})
			writeHeaders(w, stream, true, "grpc-status", "0")
			conn.Write(seg.Bytes())
			// The client is done: the PING's ack and the window updates for
			// the DATA would only be written to a closing connection.
			for {
				f, err := fr.ReadFrame()
				if err != nil {
					return
				}
				report(fmt.Sprintf("client wrote %v after the answer", f.Header().Type))
			}
		}, ""},
		{"stream reset", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings()
			if stream, _, ok := readRequest(fr, report, 1<<20, false, new(bool)); ok {
				fr.WriteRSTStream(stream, http2.ErrCodeRefusedStream)
			}
			fr.ReadFrame()
		}, "stream reset by the server (REFUSED_STREAM)"},
		{"goaway", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings()
			if _, _, ok := readRequest(fr, report, 1<<20, false, new(bool)); ok {
				fr.WriteGoAway(0, http2.ErrCodeEnhanceYourCalm, []byte("too many requests"))
			}
			fr.ReadFrame()
		}, `server closed the connection (GOAWAY ENHANCE_YOUR_CALM "too many requests")`},
		{"not grpc", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings()
			if stream, _, ok := readRequest(fr, report, 1<<20, false, new(bool)); ok {
				writeHeaders(fr, stream, true, ":status", "404")
			}
			fr.ReadFrame()
		}, "HTTP status 404 without a grpc-status"},
		{"trailers-only error with an encoded message", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings()
			if stream, _, ok := readRequest(fr, report, 1<<20, false, new(bool)); ok {
				writeHeaders(fr, stream, true, ":status", "200", "content-type", "application/grpc",
					"grpc-status", "8", "grpc-message", "queue 100%25 full")
			}
			fr.ReadFrame()
		}, "grpc status 8 (RESOURCE_EXHAUSTED): queue 100% full"},
		{"connection closed mid-request", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings(http2.Setting{ID: http2.SettingInitialWindowSize, Val: window})
			fr.ReadFrame() // SETTINGS, then the client stalls on the window
		}, "connection closed by the server"},
		{"no answer", func(fr *http2.Framer, _ io.Writer, report func(string)) {
			fr.WriteSettings()
			if _, _, ok := readRequest(fr, report, 1<<20, false, new(bool)); ok {
				for { // until the client gives up and closes
					if _, err := fr.ReadFrame(); err != nil {
						return
					}
				}
			}
		}, "no answer in time: context deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startPeer(t, tt.serve)
			tp := otlplite.New(otlplite.Config{Endpoint: p.addr})
			endSpans(tp, 40)
			timeout := 10 * time.Second
			if tt.name == "no answer" {
				timeout = 300 * time.Millisecond
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			err := tp.Shutdown(ctx)
			t.Logf("Shutdown: %v", err)
			switch {
			case tt.want == "" && err != nil:
				t.Fatal(err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Shutdown = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestWarmConnectionClosedWhileIdle is a run that waits (at a prompt, say)
// while its warm connection sits idle, and a server, or a proxy on the way,
// that closes the connection or announces it will (GOAWAY) meanwhile: the
// spans go out on a new connection. A connection the server keeps open is
// used as it is.
func TestWarmConnectionClosedWhileIdle(t *testing.T) {
	defer otlplite.SetStaleAfter(0)() // check every warm connection, however new
	tests := []struct {
		name      string
		idle      func(c net.Conn, fr *http2.Framer) // what the server does to the first connection
		wantConns int
	}{
		{"closed", func(c net.Conn, _ *http2.Framer) { c.Close() }, 2},
		{"goaway", func(_ net.Conn, fr *http2.Framer) { fr.WriteGoAway(0, http2.ErrCodeNo, []byte("idle")) }, 2},
		{"closed behind frames", func(c net.Conn, fr *http2.Framer) {
			connectionFrames(fr)
			c.Close()
		}, 2},
		{"goaway with long debug data, then closed", func(c net.Conn, fr *http2.Framer) {
			fr.WriteGoAway(0, http2.ErrCodeNo, bytes.Repeat([]byte("x"), 5000))
			c.Close()
		}, 2},
		{"many frames, then closed", func(c net.Conn, fr *http2.Framer) {
			for range 1100 {
				fr.WriteWindowUpdate(0, 1)
			}
			c.Close()
		}, 2},
		{"kept open", func(net.Conn, *http2.Framer) {}, 1},
		// Frames of types the client does not know are ignored (RFC 9113
		// §5.5), however long.
		{"kept open, unknown frames received", func(_ net.Conn, fr *http2.Framer) {
			fr.WriteRawFrame(0xb0, 0, 0, []byte("ext"))
			fr.WriteRawFrame(0xb1, 0, 0, bytes.Repeat([]byte("y"), 10000))
			fr.WritePriority(1, http2.PriorityParam{Weight: 15})
		}, 1},
		// What grpc-go sends an idle client: the SETTINGS acknowledgement,
		// a WINDOW_UPDATE, and a keepalive PING.
		{"kept open, frames received", func(_ net.Conn, fr *http2.Framer) { connectionFrames(fr) }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idled := make(chan struct{})
			exported := make(chan int, 2) // the connection the spans came on
			p := startPeerConns(t, func(n int, fr *http2.Framer, c net.Conn, report func(string)) {
				fr.WriteSettings()
				if n == 1 {
					// The client's SETTINGS: it is connected.
					if _, err := fr.ReadFrame(); err != nil {
						report("no SETTINGS from the client")
						return
					}
					tt.idle(c, fr)
					close(idled)
					if tt.wantConns > 1 { // closing: nothing may come on it any more
						for {
							f, err := fr.ReadFrame()
							if err != nil {
								return
							}
							if _, ok := f.(*http2.MetaHeadersFrame); ok {
								report("a request on the connection the server closed")
							}
						}
					}
				}
				stream, _, ok := readRequest(fr, report, 1<<20, false, new(bool))
				if !ok {
					return
				}
				writeHeaders(fr, stream, false, ":status", "200", "content-type", "application/grpc")
				fr.WriteData(stream, false, []byte{0, 0, 0, 0, 0})
				writeHeaders(fr, stream, true, "grpc-status", "0")
				exported <- n
				for { // until the client closes
					if _, err := fr.ReadFrame(); err != nil {
						return
					}
				}
			})
			tp := otlplite.New(otlplite.Config{Endpoint: p.addr})
			tp.Warm()
			endSpans(tp, 5)
			<-idled
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := tp.Shutdown(ctx); err != nil {
				t.Fatalf("Shutdown: %v", err)
			}
			if got := <-exported; got != tt.wantConns {
				t.Errorf("the spans came on connection %d, want %d", got, tt.wantConns)
			}
		})
	}
}

// connectionFrames sends the connection-level frames a server may send an
// idle client.
func connectionFrames(fr *http2.Framer) {
	fr.WriteSettingsAck()
	fr.WriteWindowUpdate(0, 1<<20)
	fr.WritePing(false, [8]byte{'i', 'd', 'l', 'e'})
}
