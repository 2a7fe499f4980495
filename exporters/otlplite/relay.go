package otlplite

import (
	"fmt"
	"path/filepath"
	"time"
)

// RelayWait bounds how long Shutdown waits for room in the relay socket's
// queue before it exports the request itself. A busy agent drains its queue
// (a few dozen requests) in milliseconds; one whose exports are stuck (its
// Collector down) stops reading once its export queue is full, and then
// every run waits this long before it tries the endpoint.
const RelayWait = 25 * time.Millisecond

// maxRelayDatagram is the largest request handed to the relay. A Unix
// datagram must fit the sending socket's buffer: 208 KiB by default on
// Linux (net.core.wmem_default), which an unprivileged process cannot raise
// past net.core.wmem_max, often the same. A run's requests are a few KiB.
const maxRelayDatagram = 192 << 10

// maxRelayPath is the longest relay socket path: a Unix socket address
// holds 108 bytes on Linux and 104 on macOS, terminating zero included.
const maxRelayPath = 103

// CheckRelayPath says what is wrong with path as a relay socket's, for both
// ends: it must be absolute, since the runs that send to it start anywhere,
// and short enough for a socket address.
func CheckRelayPath(path string) error {
	if !filepath.IsAbs(path) || len(path) > maxRelayPath {
		return fmt.Errorf("want an absolute path of at most %d bytes (the runs that send to it may start anywhere)", maxRelayPath)
	}
	return nil
}

// relay hands spans to the relay socket, one export request of at most
// maxBatch spans per datagram, and returns those it did not hand over with
// the reason. A datagram is either queued whole or not at all, so a span is
// never both relayed and exported.
func (p *TracerProvider) relay(tracers []*tracer, spans []*span) ([]*span, error) {
	var buf []byte
	for len(spans) > 0 {
		n := min(len(spans), maxBatch)
		buf = encodeRequest(buf, p.cfg.Resource, tracers, spans[:n])
		msg := buf[grpcHeaderLen:] // a datagram keeps its bounds: no gRPC framing
		if len(msg) > maxRelayDatagram {
			return spans, fmt.Errorf("a request of %d bytes is larger than a relay datagram (%d)", len(msg), maxRelayDatagram)
		}
		if err := sendDatagram(p.cfg.Relay, msg); err != nil {
			return spans, err
		}
		p.relayed.Add(int64(n))
		spans = spans[n:]
	}
	return nil, nil
}

// Relayed reports how many spans Shutdown handed to the relay socket.
func (p *TracerProvider) Relayed() int64 { return p.relayed.Load() }
