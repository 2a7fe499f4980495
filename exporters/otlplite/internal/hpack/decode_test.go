package hpack

import (
	"encoding/hex"
	"reflect"
	"strings"
	"testing"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fields turns "name: value" lines into fields (names may start with ':').
func fields(lines ...string) []HeaderField {
	var fs []HeaderField
	for _, l := range lines {
		i := strings.Index(l[1:], ": ") + 1
		fs = append(fs, HeaderField{l[:i], l[i+2:]})
	}
	return fs
}

// The examples of RFC 7541 Appendix C: each a series of header blocks
// decoded by one decoder, with the dynamic table (newest first) and its
// size after each block.
func TestRFC7541Examples(t *testing.T) {
	type step struct {
		block string
		want  []HeaderField
		table []HeaderField
		size  uint64
	}
	req1 := fields(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com")
	req2 := append(req1[:4:4], fields("cache-control: no-cache")...)
	req3 := fields(":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com", "custom-key: custom-value")
	reqTables := [][]HeaderField{
		fields(":authority: www.example.com"),
		fields("cache-control: no-cache", ":authority: www.example.com"),
		fields("custom-key: custom-value", "cache-control: no-cache", ":authority: www.example.com"),
	}
	resp1 := fields(":status: 302", "cache-control: private", "date: Mon, 21 Oct 2013 20:13:21 GMT", "location: https://www.example.com")
	resp2 := fields(":status: 307", "cache-control: private", "date: Mon, 21 Oct 2013 20:13:21 GMT", "location: https://www.example.com")
	resp3 := fields(":status: 200", "cache-control: private", "date: Mon, 21 Oct 2013 20:13:22 GMT", "location: https://www.example.com",
		"content-encoding: gzip", "set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1")
	respTables := [][]HeaderField{
		fields("location: https://www.example.com", "date: Mon, 21 Oct 2013 20:13:21 GMT", "cache-control: private", ":status: 302"),
		fields(":status: 307", "location: https://www.example.com", "date: Mon, 21 Oct 2013 20:13:21 GMT", "cache-control: private"),
		fields("set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1", "content-encoding: gzip", "date: Mon, 21 Oct 2013 20:13:22 GMT"),
	}
	tests := []struct {
		name  string
		limit uint32
		steps []step
	}{
		{"C.2.1 literal with indexing", 4096, []step{{"400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572",
			fields("custom-key: custom-header"), fields("custom-key: custom-header"), 55}}},
		{"C.2.2 literal without indexing", 4096, []step{{"040c 2f73 616d 706c 652f 7061 7468", fields(":path: /sample/path"), nil, 0}}},
		{"C.2.3 literal never indexed", 4096, []step{{"1008 7061 7373 776f 7264 0673 6563 7265 74", fields("password: secret"), nil, 0}}},
		{"C.2.4 indexed", 4096, []step{{"82", fields(":method: GET"), nil, 0}}},
		{"C.3 requests without Huffman", 4096, []step{
			{"8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d", req1, reqTables[0], 57},
			{"8286 84be 5808 6e6f 2d63 6163 6865", req2, reqTables[1], 110},
			{"8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65", req3, reqTables[2], 164},
		}},
		{"C.4 requests with Huffman", 4096, []step{
			{"8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff", req1, reqTables[0], 57},
			{"8286 84be 5886 a8eb 1064 9cbf", req2, reqTables[1], 110},
			{"8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf", req3, reqTables[2], 164},
		}},
		{"C.5 responses without Huffman, evicting", 256, []step{
			{`4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133
			  2032 303a 3133 3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d`,
				resp1, respTables[0], 222},
			{"4803 3330 37c1 c0bf", resp2, respTables[1], 222},
			{`88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d
			  54c0 5a04 677a 6970 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049
			  5541 5851 5745 4f49 553b 206d 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e 3d31`,
				resp3, respTables[2], 215},
		}},
		{"C.6 responses with Huffman, evicting", 256, []step{
			{`4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6
			  2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8 e9ae 82ae 43d3`,
				resp1, respTables[0], 222},
			{"4883 640e ffc1 c0bf", resp2, respTables[1], 222},
			{`88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab
			  77ad 94e7 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f
			  9587 3160 65c0 03ed 4ee5 b106 3d50 07`,
				resp3, respTables[2], 215},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := NewDecoder(tt.limit, 1<<20)
			for i, s := range tt.steps {
				got, err := d.Decode(nil, unhex(t, s.block))
				if err != nil {
					t.Fatalf("block %d: %v", i+1, err)
				}
				if !reflect.DeepEqual(got, s.want) {
					t.Errorf("block %d: decoded %q, want %q", i+1, got, s.want)
				}
				var table []HeaderField
				for j := len(d.dyn) - 1; j >= 0; j-- {
					table = append(table, d.dyn[j])
				}
				if !reflect.DeepEqual(table, s.table) || d.size != s.size {
					t.Errorf("block %d: dynamic table %q (%d bytes), want %q (%d bytes)", i+1, table, d.size, s.table, s.size)
				}
			}
		})
	}
}

func TestDecodeMalformed(t *testing.T) {
	tests := []struct {
		name, block, want string
	}{
		{"truncated integer prefix", "0f", "truncated"},
		{"truncated integer continuation", "ff 80", "truncated"},
		{"integer over 32 bits", "ff ff ff ff ff 0f", "overflows"},
		{"endless zero continuation", "ff 80 80 80 80 80 80 80 80 80 80 00", "overflows"},
		{"index 0", "80", "index 0"},
		{"index past the static table", "be", "index 62 out of range (61 entries)"},
		{"name index past the tables", "7f 10 01 61", "index 79 out of range"},
		{"literal without its name", "40", "truncated"},
		{"literal without its value", "04", "truncated"},
		{"string longer than the block", "00 05 61 62", "string of 5 bytes longer than the 2 left"},
		{"huge string length", "00 7f ff ff ff ff 07", "string of"},
		{"Huffman padding of zeros", "00 81 00 00", "padding"},
		{"Huffman padding of 8 ones", "00 81 ff 00", "padding"},
		{"Huffman padding of 11 ones", "00 82 1f ff 00", "padding"},
		{"Huffman EOS", "00 84 ff ff ff ff 00", "EOS"},
		{"Huffman EOS after a symbol", "00 85 07 ff ff ff ff 00", "EOS"},
		{"size update over the limit", "3f e2 1f", "size update to 4097 bytes, over the 4096 allowed"},
		{"size update after a field", "82 20", "size update after a header field"},
		{"truncated size update", "3f", "truncated"},
		{"header list over the bound", "40 01 61 7f 80 01" + strings.Repeat(" 62", 255) + strings.Repeat(" be", 8), "header list too long: over 2048 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewDecoder(4096, 2048).Decode(nil, unhex(t, tt.block))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// A size update may shrink the table and grow it back within the limit,
// evicting what no longer fits; an entry bigger than the table empties it.
func TestDynamicTableSizeUpdates(t *testing.T) {
	d := NewDecoder(4096, 1<<20)
	steps := []struct {
		block string
		n     int // entries afterwards
	}{
		{"40 01 61 01 62 40 01 63 01 64", 2}, // a: b, c: d (34 bytes each)
		{"3f 24", 1},                         // size 67: only c: d fits
		{"20", 0},                            // size 0 empties it
		{"3f e1 1f 40 01 65 01 66", 1},       // back to 4096, e: f
		{"3f 02 40 01 67 01 68", 0},          // size 33: g: h (34) empties it
	}
	for i, s := range steps {
		if _, err := d.Decode(nil, unhex(t, s.block)); err != nil {
			t.Fatalf("block %d: %v", i+1, err)
		}
		if len(d.dyn) != s.n {
			t.Errorf("block %d: %d entries %q, want %d", i+1, len(d.dyn), d.dyn, s.n)
		}
	}
	if got, _ := d.Decode(nil, unhex(t, "3f e1 1f 40 01 78 01 79 be")); !reflect.DeepEqual(got, fields("x: y", "x: y")) {
		t.Errorf("indexing the new entry gave %q", got)
	}
}

func TestAppendField(t *testing.T) {
	tests := []struct {
		f    HeaderField
		want string
	}{
		{HeaderField{":method", "POST"}, "02 04 504f5354"},
		{HeaderField{"content-type", "application/grpc"}, "0f 10 10 6170706c69636174696f6e2f67727063"},
		{HeaderField{"te", "trailers"}, "00 02 7465 08 747261696c657273"},
		{HeaderField{"x", strings.Repeat("v", 200)}, "00 01 78 7f 49" + strings.Repeat("76", 200)},
	}
	for _, tt := range tests {
		if got := AppendField(nil, tt.f); hex.EncodeToString(got) != hex.EncodeToString(unhex(t, tt.want)) {
			t.Errorf("AppendField(%q) = % x, want %s", tt.f, got, tt.want)
		}
	}
}
