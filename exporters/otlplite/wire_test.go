package otlplite

import (
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

// TestNestedLengths checks pbuf's in-place length prefixes with protobuf's
// own wire decoder, at every size where a varint length grows a byte.
func TestNestedLengths(t *testing.T) {
	for _, n := range []int{0, 1, 124, 125, 126, 127, 128, 16381, 16382, 16383, 16384, 1<<21 - 3, 1 << 21} {
		var p pbuf
		p.b = []byte{0xff} // a byte before, which must survive
		outer := p.open(1)
		inner := p.open(2)
		p.rawString(3, strings.Repeat("a", n))
		p.close(inner)
		p.close(outer)

		b := p.b[1:]
		num, typ, m := protowire.ConsumeTag(b)
		v1, m1 := protowire.ConsumeBytes(b[m:])
		if num != 1 || typ != protowire.BytesType || m1 < 0 || m+m1 != len(b) {
			t.Fatalf("n=%d: outer field %d/%d, %d of %d bytes", n, num, typ, m+m1, len(b))
		}
		num, _, m = protowire.ConsumeTag(v1)
		v2, m2 := protowire.ConsumeBytes(v1[m:])
		if num != 2 || m2 < 0 || m+m2 != len(v1) {
			t.Fatalf("n=%d: inner field %d, %d of %d bytes", n, num, m+m2, len(v1))
		}
		num, _, m = protowire.ConsumeTag(v2)
		s, m3 := protowire.ConsumeBytes(v2[m:])
		if num != 3 || m+m3 != len(v2) || len(s) != n || strings.Trim(string(s), "a") != "" {
			t.Fatalf("n=%d: string field %d of %d bytes", n, num, len(s))
		}
		if p.b[0] != 0xff {
			t.Fatalf("n=%d: the byte before the message changed", n)
		}
	}
}

// A string that is not UTF-8 goes out with U+FFFD for its bad bytes: the
// Collector refuses a request holding one, and every span in it.
func TestStringsGoOutAsUTF8(t *testing.T) {
	var p pbuf
	p.rawString(1, "_templates/a/\xffb.t")
	_, _, m := protowire.ConsumeTag(p.b)
	s, _ := protowire.ConsumeBytes(p.b[m:])
	if string(s) != "_templates/a/\uFFFDb.t" {
		t.Errorf("encoded %q", s)
	}
}
