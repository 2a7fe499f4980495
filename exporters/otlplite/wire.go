package otlplite

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Protobuf wire types used by the OTLP messages.
const (
	wireVarint  = 0
	wireFixed64 = 1
	wireBytes   = 2
	wireFixed32 = 5
)

// pbuf appends protobuf wire format to a byte slice. Nested messages are
// written in place: open reserves one length byte, close writes the real
// length and shifts the body when the length needs more than one byte. This
// keeps encoding to one pass without computing sizes first.
type pbuf struct{ b []byte }

func (p *pbuf) tag(field, wire int) { p.varint(uint64(field)<<3 | uint64(wire)) }

func (p *pbuf) varint(v uint64) { p.b = binary.AppendUvarint(p.b, v) }

// uint64Field and the other field writers omit zero values, as proto3 does
// for scalar fields without presence.
func (p *pbuf) uint64Field(field int, v uint64) {
	if v != 0 {
		p.tag(field, wireVarint)
		p.varint(v)
	}
}

func (p *pbuf) fixed64Field(field int, v uint64) {
	if v != 0 {
		p.tag(field, wireFixed64)
		p.b = binary.LittleEndian.AppendUint64(p.b, v)
	}
}

func (p *pbuf) fixed32Field(field int, v uint32) {
	if v != 0 {
		p.tag(field, wireFixed32)
		p.b = binary.LittleEndian.AppendUint32(p.b, v)
	}
}

func (p *pbuf) stringField(field int, s string) {
	if s != "" {
		p.rawString(field, s)
	}
}

// rawString writes a length-delimited field even when it is empty. A
// protobuf string must be UTF-8, or the Collector refuses the whole
// request: bad bytes (a template's file name may hold any) become U+FFFD.
func (p *pbuf) rawString(field int, s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	p.tag(field, wireBytes)
	p.varint(uint64(len(s)))
	p.b = append(p.b, s...)
}

func (p *pbuf) bytesField(field int, b []byte) {
	if len(b) != 0 {
		p.tag(field, wireBytes)
		p.varint(uint64(len(b)))
		p.b = append(p.b, b...)
	}
}

// open starts a length-delimited nested message and returns the position of
// its length byte for close.
func (p *pbuf) open(field int) int {
	p.tag(field, wireBytes)
	p.b = append(p.b, 0)
	return len(p.b) - 1
}

func (p *pbuf) close(at int) {
	n := len(p.b) - at - 1
	if n < 0x80 {
		p.b[at] = byte(n)
		return
	}
	size := (bits.Len64(uint64(n)) + 6) / 7
	p.b = append(p.b, make([]byte, size-1)...)
	copy(p.b[at+size:], p.b[at+1:at+1+n])
	binary.PutUvarint(p.b[at:at+size], uint64(n))
}

// pfield is one decoded field of a protobuf message: its number, wire type
// and either its varint/fixed value or its bytes.
type pfield struct {
	num  int
	wire int
	u    uint64
	b    []byte
}

// nextField decodes the field at the start of b and returns the rest; ok is
// false when b is malformed.
func nextField(b []byte) (f pfield, rest []byte, ok bool) {
	key, n := binary.Uvarint(b)
	if n <= 0 {
		return f, nil, false
	}
	b = b[n:]
	f.num, f.wire = int(key>>3), int(key&7)
	switch f.wire {
	case wireVarint:
		f.u, n = binary.Uvarint(b)
		if n <= 0 {
			return f, nil, false
		}
		return f, b[n:], true
	case wireFixed64:
		if len(b) < 8 {
			return f, nil, false
		}
		f.u = binary.LittleEndian.Uint64(b)
		return f, b[8:], true
	case wireFixed32:
		if len(b) < 4 {
			return f, nil, false
		}
		f.u = uint64(binary.LittleEndian.Uint32(b))
		return f, b[4:], true
	case wireBytes:
		l, n := binary.Uvarint(b)
		if n <= 0 || uint64(len(b)-n) < l {
			return f, nil, false
		}
		f.b = b[n : n+int(l)]
		return f, b[n+int(l):], true
	}
	return f, nil, false
}
