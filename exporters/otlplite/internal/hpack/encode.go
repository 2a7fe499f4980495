package hpack

// AppendField appends f to a header block as a "literal header field
// without indexing" (RFC 7541 section 6.2.2) with raw strings, naming the
// static-table entry when the name is one. The encoder never adds to the
// peer's dynamic table, so it keeps no state and needs no Huffman encoder:
// a gRPC request's handful of fields is sent once per connection.
func AppendField(dst []byte, f HeaderField) []byte {
	for i, s := range staticTable {
		if s.Name == f.Name {
			dst = appendInt(dst, 4, 0, uint64(i+1))
			return appendString(dst, f.Value)
		}
	}
	dst = append(dst, 0)
	dst = appendString(dst, f.Name)
	return appendString(dst, f.Value)
}

// appendInt appends v as an integer with an n-bit prefix (section 5.1),
// the first byte's other bits set to first.
func appendInt(dst []byte, n uint, first byte, v uint64) []byte {
	limit := uint64(1)<<n - 1
	if v < limit {
		return append(dst, first|byte(v))
	}
	dst = append(dst, first|byte(limit))
	for v -= limit; v >= 128; v >>= 7 {
		dst = append(dst, byte(v)|0x80)
	}
	return append(dst, byte(v))
}

// appendString appends s as a raw (not Huffman-coded) string literal.
func appendString(dst []byte, s string) []byte {
	dst = appendInt(dst, 7, 0, uint64(len(s)))
	return append(dst, s...)
}
