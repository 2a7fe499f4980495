// Package hpack is the small part of HPACK (RFC 7541) that otlplite's
// HTTP/2 client needs: an encoder that writes every request field as a
// literal without indexing (raw strings, so it keeps no state), and a
// decoder for the server's response headers and trailers with the whole
// decoding side of the RFC (static and dynamic tables, size updates,
// Huffman-coded strings).
//
// It exists instead of golang.org/x/net/http2/hpack because every hypergen
// process links otlplite and so runs its dependencies' inits, exporting or
// not: x/net's hpack builds its static-table maps at init, which took
// 0.11–0.50 ms (median 0.24 ms, 8 allocations, 7344 bytes) of a
// `hypergen version` on the 2-core VM (GODEBUG=inittrace=1, five runs),
// where process start is the cost to cut (issue #15). Here
// every table is an array literal the linker lays out, so the package has
// no init at all. x/net's package stays the oracle in this package's tests.
package hpack
