package hpack

import (
	"sort"
	"testing"

	xhpack "golang.org/x/net/http2/hpack"
)

// xnetHuffmanTables derives the canonical-code tables (codes per length,
// symbols in code order) from x/net's Huffman encoder, the oracle for the
// RFC 7541 Appendix B data written out in huffman.go. Eight copies of a
// symbol fill whole bytes, so the encoded length in bytes is the code
// length in bits and the first bits are its code. EOS, which x/net cannot
// encode, is the 30-bit all-ones code.
func xnetHuffmanTables(t *testing.T) ([31]uint16, [257]uint16) {
	t.Helper()
	type sym struct {
		s    uint16
		n    int
		code uint64
	}
	var all []sym
	for s := 0; s < 256; s++ {
		b := []byte{byte(s), byte(s), byte(s), byte(s), byte(s), byte(s), byte(s), byte(s)}
		enc := xhpack.AppendHuffmanString(nil, string(b))
		var v uint64
		for _, x := range enc[:4] {
			v = v<<8 | uint64(x)
		}
		n := len(enc)
		all = append(all, sym{uint16(s), n, v >> (32 - n)})
	}
	all = append(all, sym{256, 30, 1<<30 - 1})
	sort.Slice(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n < all[j].n
		}
		return all[i].code < all[j].code
	})
	var counts [31]uint16
	var syms [257]uint16
	// The code must be canonical for the count/order tables to describe it.
	code, prevLen := uint64(0), all[0].n
	for i, s := range all {
		if i > 0 {
			code = (code + 1) << (s.n - prevLen)
		}
		if s.code != code {
			t.Fatalf("symbol %d: code %b is not canonical (want %b)", s.s, s.code, code)
		}
		prevLen = s.n
		counts[s.n]++
		syms[i] = s.s
	}
	return counts, syms
}

func TestHuffmanTablesMatchXNet(t *testing.T) {
	counts, syms := xnetHuffmanTables(t)
	if counts != huffmanCounts {
		t.Errorf("huffmanCounts = %v, x/net's code gives %v", huffmanCounts, counts)
	}
	if syms[256] != 256 {
		t.Fatalf("EOS is not the last code: %v", syms)
	}
	for i, s := range huffmanSyms {
		if uint16(s) != syms[i] {
			t.Errorf("huffmanSyms[%d] = %#x, x/net's code gives %#x", i, s, syms[i])
		}
	}
}

// Every symbol alone and all of them together decode as x/net encodes them.
func TestHuffmanDecodeEverySymbol(t *testing.T) {
	all := make([]byte, 0, 256)
	for s := 0; s < 256; s++ {
		all = append(all, byte(s))
		for _, in := range []string{string([]byte{byte(s)}), "a" + string([]byte{byte(s)}) + "zz"} {
			got, err := huffmanDecode(nil, xhpack.AppendHuffmanString(nil, in))
			if err != nil || string(got) != in {
				t.Errorf("symbol %#x: decoded %q, %v; want %q", s, got, err, in)
			}
		}
	}
	got, err := huffmanDecode(nil, xhpack.AppendHuffmanString(nil, string(all)))
	if err != nil || string(got) != string(all) {
		t.Errorf("all symbols: decoded %q, %v", got, err)
	}
}

// The static table is RFC 7541 Appendix A as x/net has it.
func TestStaticTableMatchesXNet(t *testing.T) {
	d := xhpack.NewDecoder(4096, nil)
	for i, want := range staticTable {
		got, err := d.DecodeFull([]byte{0x80 | byte(i+1)})
		if err != nil || len(got) != 1 || got[0].Name != want.Name || got[0].Value != want.Value {
			t.Errorf("static entry %d: x/net decodes %v, %v; ours is %v", i+1, got, err, want)
		}
	}
	if _, err := d.DecodeFull([]byte{0x80 | byte(len(staticTable)+1)}); err == nil {
		t.Errorf("x/net's static table has more than our %d entries", len(staticTable))
	}
}
