package hpack

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	xhpack "golang.org/x/net/http2/hpack"
)

// FuzzXNet checks this codec against x/net's hpack both ways. The script
// drives x/net's Encoder (which indexes fields, references its dynamic
// table, Huffman-codes strings when that is shorter and emits table size
// updates) over several header blocks; each block must decode here to
// exactly the fields written, and the same fields written by AppendField
// must decode with x/net's Decoder. The script itself, decoded as one
// raw header block, must give what x/net's Decoder gives, or an error when
// x/net's does (this decoder is stricter: it also rejects integers over 32
// bits, late size updates into an empty table and header lists over its
// bound, which x/net accepts).
func FuzzXNet(f *testing.F) {
	f.Add(uint16(4096), []byte("\x01\x03abc\x05hello\x02\x00\x01x\x01\x03\x12\x01\x00"))
	f.Add(uint16(256), []byte("\x09\x1c\x07private\x01\x04date\x10Mon, 21 Oct 2013\x03\x00\x10\x03\x09\x1c\x07private"))
	f.Add(uint16(64), []byte("\x00\x00\x20\x01\x01a\x01b\x03\x00\x00\x00\x01\x01c\x01d\x03"))
	f.Add(uint16(4096), []byte("\x11\x05grpc-status\x010\x03\xff\xfe\x00\x80\x03"))
	f.Add(uint16(4096), []byte("\x82\x86\x84\x41\x8c\xf1\xe3\xc2\xe5\xf2\x3a\x6b\xa0\xab\x90\xf4\xff"))
	f.Add(uint16(4096), []byte("\x00\x84\xff\xff\xff\xff\x00"))
	f.Add(uint16(0), []byte("\x01\x02ab\x02cd\x03"))
	f.Fuzz(func(t *testing.T, limit uint16, script []byte) {
		if len(script) > 4096 {
			return
		}
		checkEncoded(t, uint32(limit), script)
		checkRaw(t, script)
	})
}

// checkEncoded runs script through x/net's Encoder, block by block. Each
// op byte's low two bits pick: 0 set the encoder's table size (next two
// bytes, modulo limit+1), 3 end the block, else add a field whose name is
// a static-table name (bit 3) or taken from the script, with a value from
// the script, never indexed when bit 4 is set.
func checkEncoded(t *testing.T, limit uint32, script []byte) {
	var buf bytes.Buffer
	enc := xhpack.NewEncoder(&buf)
	enc.SetMaxDynamicTableSizeLimit(limit)
	dec := NewDecoder(limit, 1<<20)
	xdec := xhpack.NewDecoder(4096, nil)
	var want []HeaderField
	next := func(n int) []byte {
		n = min(n, len(script))
		b := script[:n]
		script = script[n:]
		return b
	}
	for len(script) > 0 {
		op := next(1)[0]
		switch op & 3 {
		case 0:
			v := next(2)
			size := uint32(0)
			for _, b := range v {
				size = size<<8 | uint32(b)
			}
			// RFC 7541 section 4.2 allows size updates only at the
			// start of a block, and x/net's Encoder leaves that to us.
			if len(want) == 0 {
				enc.SetMaxDynamicTableSize(size % (limit + 1))
			}
			continue
		case 3:
		default:
			var f HeaderField
			if l := next(1); op&8 != 0 && len(l) > 0 {
				f.Name = staticTable[int(l[0])%len(staticTable)].Name
			} else if len(l) > 0 {
				f.Name = string(next(int(l[0])))
			}
			if l := next(1); len(l) > 0 {
				f.Value = string(next(int(l[0])))
			}
			if err := enc.WriteField(xhpack.HeaderField{Name: f.Name, Value: f.Value, Sensitive: op&16 != 0}); err != nil {
				t.Fatal(err)
			}
			want = append(want, f)
			if len(script) > 0 {
				continue
			}
		}
		got, err := dec.Decode(nil, buf.Bytes())
		if err != nil {
			t.Fatalf("decoding x/net's block % x: %v", buf.Bytes(), err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("decoded x/net's block % x as %q, want %q", buf.Bytes(), got, want)
		}
		var ours []byte
		for _, f := range want {
			ours = AppendField(ours, f)
		}
		xgot, err := xdec.DecodeFull(ours)
		if err != nil {
			t.Fatalf("x/net decoding our block % x: %v", ours, err)
		}
		if len(xgot) != len(want) {
			t.Fatalf("x/net decoded our block % x as %v, want %q", ours, xgot, want)
		}
		for i, f := range xgot {
			if f.Name != want[i].Name || f.Value != want[i].Value || f.Sensitive {
				t.Fatalf("x/net decoded our block % x as %v, want %q", ours, xgot, want)
			}
		}
		buf.Reset()
		want = want[:0]
	}
}

func checkRaw(t *testing.T, block []byte) {
	got, err := NewDecoder(4096, 1<<20).Decode(nil, block)
	xgot, xerr := xhpack.NewDecoder(4096, nil).DecodeFull(block)
	if xerr != nil {
		if err == nil {
			t.Fatalf("decoded % x as %q, x/net fails: %v", block, got, xerr)
		}
		return
	}
	if err != nil {
		// Stricter than x/net, see FuzzXNet; nothing else may differ.
		if !errors.Is(err, errIntOverflow) && !errors.Is(err, errLateSizeUpdate) && !errors.Is(err, errListSize) {
			t.Fatalf("failed on % x: %v; x/net decodes %v", block, err, xgot)
		}
		return
	}
	if len(got) != len(xgot) {
		t.Fatalf("decoded % x as %q, x/net as %v", block, got, xgot)
	}
	for i, f := range xgot {
		if got[i].Name != f.Name || got[i].Value != f.Value {
			t.Fatalf("decoded % x as %q, x/net as %v", block, got, xgot)
		}
	}
}
