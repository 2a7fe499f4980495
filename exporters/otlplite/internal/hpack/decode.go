package hpack

import (
	"errors"
	"fmt"
)

var (
	errTruncated      = errors.New("truncated header block")
	errIntOverflow    = errors.New("integer overflows 32 bits")
	errIndexZero      = errors.New("header field index 0")
	errLateSizeUpdate = errors.New("dynamic table size update after a header field")
	errListSize       = errors.New("header list too long")
)

// Decoder decodes one connection's header blocks, in the order they
// arrive: the dynamic table carries over from block to block.
type Decoder struct {
	dyn     []HeaderField // dynamic table, oldest entry first
	size    uint64        // of dyn, as section 4.1 counts it
	maxSize uint64        // set by the peer's size updates, at most limit
	limit   uint64        // SETTINGS_HEADER_TABLE_SIZE the peer was given
	maxList uint64        // bound on one block's decoded fields
}

// NewDecoder returns a decoder whose dynamic table starts at, and may be
// resized up to, tableLimit bytes (the SETTINGS_HEADER_TABLE_SIZE in force;
// 4096 unless advertised otherwise). A block whose fields add up to more
// than maxList bytes (section 4.1 sizes) is an error: a few bytes of
// indexed fields could otherwise expand to gigabytes.
func NewDecoder(tableLimit uint32, maxList int) *Decoder {
	return &Decoder{maxSize: uint64(tableLimit), limit: uint64(tableLimit), maxList: uint64(maxList)}
}

// Decode appends the fields of one complete header block to dst. After an
// error the decoder's state is undefined: HTTP/2 makes that a connection
// error, so the connection must not be used further.
func (d *Decoder) Decode(dst []HeaderField, block []byte) ([]HeaderField, error) {
	var list uint64
	seenField := false
	for len(block) > 0 {
		var f HeaderField
		var err error
		switch b := block[0]; {
		case b&0x80 != 0: // indexed field, section 6.1
			var i uint64
			if i, block, err = readInt(7, block); err == nil {
				f, err = d.at(i)
			}
		case b&0xc0 == 0x40: // literal with incremental indexing, 6.2.1
			if f, block, err = d.readLiteral(6, block); err == nil {
				d.add(f)
			}
		case b&0xe0 == 0x20: // dynamic table size update, 6.3
			// Section 4.2: only at the start of a block.
			if seenField {
				return dst, errLateSizeUpdate
			}
			var v uint64
			if v, block, err = readInt(5, block); err != nil {
				return dst, err
			}
			if v > d.limit {
				return dst, fmt.Errorf("dynamic table size update to %d bytes, over the %d allowed", v, d.limit)
			}
			d.maxSize = v
			d.evict(0)
			continue
		default: // literal without indexing (0000) or never indexed (0001), 6.2.2-3
			f, block, err = d.readLiteral(4, block)
		}
		if err != nil {
			return dst, err
		}
		seenField = true
		if list += f.size(); list > d.maxList {
			return dst, fmt.Errorf("%w: over %d bytes", errListSize, d.maxList)
		}
		dst = append(dst, f)
	}
	return dst, nil
}

// at returns the field at index i of the static table followed by the
// dynamic table, newest entry first (section 2.3.3).
func (d *Decoder) at(i uint64) (HeaderField, error) {
	switch {
	case i == 0:
		return HeaderField{}, errIndexZero
	case i <= uint64(len(staticTable)):
		return staticTable[i-1], nil
	case i-uint64(len(staticTable)) <= uint64(len(d.dyn)):
		return d.dyn[len(d.dyn)-int(i-uint64(len(staticTable)))], nil
	}
	return HeaderField{}, fmt.Errorf("header field index %d out of range (%d entries)", i, len(staticTable)+len(d.dyn))
}

// readLiteral reads a literal field whose name index has an n-bit prefix;
// index 0 means the name follows as a string.
func (d *Decoder) readLiteral(n uint, p []byte) (HeaderField, []byte, error) {
	i, p, err := readInt(n, p)
	if err != nil {
		return HeaderField{}, nil, err
	}
	var f HeaderField
	if i == 0 {
		f.Name, p, err = readString(p)
	} else {
		f, err = d.at(i)
	}
	if err != nil {
		return HeaderField{}, nil, err
	}
	f.Value, p, err = readString(p)
	return f, p, err
}

// add inserts f as the newest entry, evicting the oldest ones to make room
// (section 4.4); an entry larger than the table empties it.
func (d *Decoder) add(f HeaderField) {
	s := f.size()
	if s > d.maxSize {
		clear(d.dyn)
		d.dyn, d.size = d.dyn[:0], 0
		return
	}
	d.evict(s)
	d.dyn = append(d.dyn, f)
	d.size += s
}

// evict drops the oldest entries until room more bytes fit (section 4.3).
func (d *Decoder) evict(room uint64) {
	n := 0
	for d.size+room > d.maxSize {
		d.size -= d.dyn[n].size()
		n++
	}
	m := copy(d.dyn, d.dyn[n:])
	clear(d.dyn[m:])
	d.dyn = d.dyn[:m]
}

// readInt reads an integer with an n-bit prefix (section 5.1). Values past
// 32 bits are errors: no size, length or index of ours comes near.
func readInt(n uint, p []byte) (uint64, []byte, error) {
	if len(p) == 0 {
		return 0, nil, errTruncated
	}
	limit := uint64(1)<<n - 1
	v := uint64(p[0]) & limit
	p = p[1:]
	if v < limit {
		return v, p, nil
	}
	for m := uint(0); ; m += 7 {
		if len(p) == 0 {
			return 0, nil, errTruncated
		}
		// m bounds runs of zero continuation bytes, which add nothing.
		if m > 56 {
			return 0, nil, errIntOverflow
		}
		b := p[0]
		p = p[1:]
		if v += uint64(b&0x7f) << m; v > 1<<32-1 {
			return 0, nil, errIntOverflow
		}
		if b&0x80 == 0 {
			return v, p, nil
		}
	}
}

// readString reads a string literal (section 5.2), raw or Huffman-coded.
func readString(p []byte) (string, []byte, error) {
	if len(p) == 0 {
		return "", nil, errTruncated
	}
	huffman := p[0]&0x80 != 0
	n, p, err := readInt(7, p)
	if err != nil {
		return "", nil, err
	}
	if n > uint64(len(p)) {
		return "", nil, fmt.Errorf("string of %d bytes longer than the %d left in the header block", n, len(p))
	}
	s, p := p[:n], p[n:]
	if !huffman {
		return string(s), p, nil
	}
	b, err := huffmanDecode(make([]byte, 0, len(s)*8/5), s)
	return string(b), p, err
}
