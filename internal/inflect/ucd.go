package inflect

import (
	"sync"
	"unicode"
)

// The oracle's behaviour rests on three different Unicode releases:
//
//   - String.prototype.toUpperCase/toLowerCase come from V8's ICU, which is
//     Unicode 17.0 in node 20.20;
//   - no-case 2.x splits words with character classes frozen at Unicode 8.0;
//   - Go's unicode package is Unicode 15.0 (Go 1.26).
//
// Rather than carrying full copies of either release, this file records
// only where they disagree with Go's tables. TestUnicodeTables compares the
// result against the oracle for every code point, so a Go toolchain with a
// newer unicode package shows up there as a failure naming the code points
// to move in or out of these lists.

// upperExpansions holds the unconditional SpecialCasing.txt entries: the
// characters whose full upper case is more than one character, which Go's
// rune-for-rune mapping cannot express. Built on first use, so a process
// that never upper-cases non-ASCII text does not pay for the map.
var upperExpansions = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		0x00DF: "SS", 0x0149: "\u02BCN", 0x01F0: "J\u030C",
		0x0390: "\u0399\u0308\u0301", 0x03B0: "\u03A5\u0308\u0301", 0x0587: "\u0535\u0552",
		0x1E96: "H\u0331", 0x1E97: "T\u0308", 0x1E98: "W\u030A",
		0x1E99: "Y\u030A", 0x1E9A: "A\u02BE", 0x1F50: "\u03A5\u0313",
		0x1F52: "\u03A5\u0313\u0300", 0x1F54: "\u03A5\u0313\u0301", 0x1F56: "\u03A5\u0313\u0342",
		0x1F80: "\u1F08\u0399", 0x1F81: "\u1F09\u0399", 0x1F82: "\u1F0A\u0399",
		0x1F83: "\u1F0B\u0399", 0x1F84: "\u1F0C\u0399", 0x1F85: "\u1F0D\u0399",
		0x1F86: "\u1F0E\u0399", 0x1F87: "\u1F0F\u0399", 0x1F88: "\u1F08\u0399",
		0x1F89: "\u1F09\u0399", 0x1F8A: "\u1F0A\u0399", 0x1F8B: "\u1F0B\u0399",
		0x1F8C: "\u1F0C\u0399", 0x1F8D: "\u1F0D\u0399", 0x1F8E: "\u1F0E\u0399",
		0x1F8F: "\u1F0F\u0399", 0x1F90: "\u1F28\u0399", 0x1F91: "\u1F29\u0399",
		0x1F92: "\u1F2A\u0399", 0x1F93: "\u1F2B\u0399", 0x1F94: "\u1F2C\u0399",
		0x1F95: "\u1F2D\u0399", 0x1F96: "\u1F2E\u0399", 0x1F97: "\u1F2F\u0399",
		0x1F98: "\u1F28\u0399", 0x1F99: "\u1F29\u0399", 0x1F9A: "\u1F2A\u0399",
		0x1F9B: "\u1F2B\u0399", 0x1F9C: "\u1F2C\u0399", 0x1F9D: "\u1F2D\u0399",
		0x1F9E: "\u1F2E\u0399", 0x1F9F: "\u1F2F\u0399", 0x1FA0: "\u1F68\u0399",
		0x1FA1: "\u1F69\u0399", 0x1FA2: "\u1F6A\u0399", 0x1FA3: "\u1F6B\u0399",
		0x1FA4: "\u1F6C\u0399", 0x1FA5: "\u1F6D\u0399", 0x1FA6: "\u1F6E\u0399",
		0x1FA7: "\u1F6F\u0399", 0x1FA8: "\u1F68\u0399", 0x1FA9: "\u1F69\u0399",
		0x1FAA: "\u1F6A\u0399", 0x1FAB: "\u1F6B\u0399", 0x1FAC: "\u1F6C\u0399",
		0x1FAD: "\u1F6D\u0399", 0x1FAE: "\u1F6E\u0399", 0x1FAF: "\u1F6F\u0399",
		0x1FB2: "\u1FBA\u0399", 0x1FB3: "\u0391\u0399", 0x1FB4: "\u0386\u0399",
		0x1FB6: "\u0391\u0342", 0x1FB7: "\u0391\u0342\u0399", 0x1FBC: "\u0391\u0399",
		0x1FC2: "\u1FCA\u0399", 0x1FC3: "\u0397\u0399", 0x1FC4: "\u0389\u0399",
		0x1FC6: "\u0397\u0342", 0x1FC7: "\u0397\u0342\u0399", 0x1FCC: "\u0397\u0399",
		0x1FD2: "\u0399\u0308\u0300", 0x1FD3: "\u0399\u0308\u0301", 0x1FD6: "\u0399\u0342",
		0x1FD7: "\u0399\u0308\u0342", 0x1FE2: "\u03A5\u0308\u0300", 0x1FE3: "\u03A5\u0308\u0301",
		0x1FE4: "\u03A1\u0313", 0x1FE6: "\u03A5\u0342", 0x1FE7: "\u03A5\u0308\u0342",
		0x1FF2: "\u1FFA\u0399", 0x1FF3: "\u03A9\u0399", 0x1FF4: "\u038F\u0399",
		0x1FF6: "\u03A9\u0342", 0x1FF7: "\u03A9\u0342\u0399", 0x1FFC: "\u03A9\u0399",
		0xFB00: "FF", 0xFB01: "FI", 0xFB02: "FL",
		0xFB03: "FFI", 0xFB04: "FFL", 0xFB05: "ST",
		0xFB06: "ST", 0xFB13: "\u0544\u0546", 0xFB14: "\u0544\u0535",
		0xFB15: "\u0544\u053B", 0xFB16: "\u054E\u0546", 0xFB17: "\u0544\u053D",
	}
})

// lowerExpansionOf0130 is the only unconditional multi-character lower-case
// mapping: capital I with dot above keeps its dot as a combining mark.
const lowerExpansionOf0130 = "i\u0307"

// caseRun describes n consecutive upper/lower pairs, upper+k <-> lower+k.
type caseRun struct{ upper, lower, n rune }

// newerCasePairs lists case pairs added in Unicode 16 and 17.
var newerCasePairs = [...]caseRun{
	{0x1C89, 0x1C8A, 1},
	{0xA7CB, 0x0264, 1},
	{0xA7CC, 0xA7CD, 1},
	{0xA7CE, 0xA7CF, 1},
	{0xA7D2, 0xA7D3, 1},
	{0xA7D4, 0xA7D5, 1},
	{0xA7DA, 0xA7DB, 1},
	{0xA7DC, 0x019B, 1},
	{0x10D50, 0x10D70, 22},
	{0x16EA0, 0x16EBB, 25},
}

// Final-sigma context (see isCased and isCaseIgnorable). U+0295 stopped
// being a lower-case letter in Unicode 16, U+1171E stopped being a mark;
// the table holds marks and modifiers that Unicode 16 and 17 introduced.
const (
	noLongerCased     = 0x0295
	noLongerIgnorable = 0x1171E
)

var newerCaseIgnorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x0897, Hi: 0x0897, Stride: 1},
		{Lo: 0x1ACF, Hi: 0x1ADD, Stride: 1},
		{Lo: 0x1AE0, Hi: 0x1AEB, Stride: 1},
		{Lo: 0xA7F1, Hi: 0xA7F1, Stride: 1},
	},
	R32: []unicode.Range32{
		{Lo: 0x10D4E, Hi: 0x10D4E, Stride: 1},
		{Lo: 0x10D69, Hi: 0x10D6D, Stride: 1},
		{Lo: 0x10D6F, Hi: 0x10D6F, Stride: 1},
		{Lo: 0x10EC5, Hi: 0x10EC5, Stride: 1},
		{Lo: 0x10EFA, Hi: 0x10EFC, Stride: 1},
		{Lo: 0x113BB, Hi: 0x113C0, Stride: 1},
		{Lo: 0x113CE, Hi: 0x113D2, Stride: 2},
		{Lo: 0x113E1, Hi: 0x113E2, Stride: 1},
		{Lo: 0x11B60, Hi: 0x11B60, Stride: 1},
		{Lo: 0x11B62, Hi: 0x11B64, Stride: 1},
		{Lo: 0x11B66, Hi: 0x11B66, Stride: 1},
		{Lo: 0x11DD9, Hi: 0x11DD9, Stride: 1},
		{Lo: 0x11F5A, Hi: 0x11F5A, Stride: 1},
		{Lo: 0x1611E, Hi: 0x16129, Stride: 1},
		{Lo: 0x1612D, Hi: 0x1612F, Stride: 1},
		{Lo: 0x16D40, Hi: 0x16D42, Stride: 1},
		{Lo: 0x16D6B, Hi: 0x16D6C, Stride: 1},
		{Lo: 0x16FF2, Hi: 0x16FF3, Stride: 1},
		{Lo: 0x1E5EE, Hi: 0x1E5EF, Stride: 1},
		{Lo: 0x1E6E3, Hi: 0x1E6E6, Stride: 3},
		{Lo: 0x1E6EE, Hi: 0x1E6EF, Stride: 1},
		{Lo: 0x1E6F5, Hi: 0x1E6F5, Stride: 1},
		{Lo: 0x1E6FF, Hi: 0x1E6FF, Stride: 1},
	},
}

// wordBreakCaseIgnorable are the Word_Break MidLetter, MidNumLet and
// Single_Quote characters, which Unicode counts as case-ignorable in
// addition to the Mn, Me, Cf, Lm and Sk categories.
var wordBreakCaseIgnorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x0027, Hi: 0x0027, Stride: 1},
		{Lo: 0x002E, Hi: 0x002E, Stride: 1},
		{Lo: 0x003A, Hi: 0x003A, Stride: 1},
		{Lo: 0x00B7, Hi: 0x00B7, Stride: 1},
		{Lo: 0x0387, Hi: 0x0387, Stride: 1},
		{Lo: 0x055F, Hi: 0x055F, Stride: 1},
		{Lo: 0x05F4, Hi: 0x05F4, Stride: 1},
		{Lo: 0x2018, Hi: 0x2019, Stride: 1},
		{Lo: 0x2024, Hi: 0x2027, Stride: 3},
		{Lo: 0xFE13, Hi: 0xFE13, Stride: 1},
		{Lo: 0xFE52, Hi: 0xFE55, Stride: 3},
		{Lo: 0xFF07, Hi: 0xFF07, Stride: 1},
		{Lo: 0xFF0E, Hi: 0xFF0E, Stride: 1},
		{Lo: 0xFF1A, Hi: 0xFF1A, Stride: 1},
	},
}

// notInUnicode8 are the BMP letters and digits Go knows but no-case's
// Unicode 8.0 classes do not, so no-case treats them as separators.
var notInUnicode8 = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x0560, Hi: 0x0560, Stride: 1},
		{Lo: 0x0588, Hi: 0x0588, Stride: 1},
		{Lo: 0x05EF, Hi: 0x05EF, Stride: 1},
		{Lo: 0x0860, Hi: 0x086A, Stride: 1},
		{Lo: 0x0870, Hi: 0x0887, Stride: 1},
		{Lo: 0x0889, Hi: 0x088E, Stride: 1},
		{Lo: 0x08B5, Hi: 0x08C9, Stride: 1},
		{Lo: 0x09FC, Hi: 0x09FC, Stride: 1},
		{Lo: 0x0C5D, Hi: 0x0C5D, Stride: 1},
		{Lo: 0x0C80, Hi: 0x0C80, Stride: 1},
		{Lo: 0x0CDD, Hi: 0x0CDD, Stride: 1},
		{Lo: 0x0D04, Hi: 0x0D04, Stride: 1},
		{Lo: 0x0D54, Hi: 0x0D56, Stride: 1},
		{Lo: 0x0D58, Hi: 0x0D5E, Stride: 1},
		{Lo: 0x0D76, Hi: 0x0D78, Stride: 1},
		{Lo: 0x0E86, Hi: 0x0E8C, Stride: 3},
		{Lo: 0x0E8E, Hi: 0x0E93, Stride: 1},
		{Lo: 0x0E98, Hi: 0x0EA0, Stride: 8},
		{Lo: 0x0EA8, Hi: 0x0EA9, Stride: 1},
		{Lo: 0x0EAC, Hi: 0x0EAC, Stride: 1},
		{Lo: 0x170D, Hi: 0x170D, Stride: 1},
		{Lo: 0x171F, Hi: 0x171F, Stride: 1},
		{Lo: 0x1878, Hi: 0x1878, Stride: 1},
		{Lo: 0x1B4C, Hi: 0x1B4C, Stride: 1},
		{Lo: 0x1C80, Hi: 0x1C88, Stride: 1},
		{Lo: 0x1C90, Hi: 0x1CBA, Stride: 1},
		{Lo: 0x1CBD, Hi: 0x1CBF, Stride: 1},
		{Lo: 0x1CF2, Hi: 0x1CF3, Stride: 1},
		{Lo: 0x1CFA, Hi: 0x1CFA, Stride: 1},
		{Lo: 0x2C2F, Hi: 0x2C5F, Stride: 0x30},
		{Lo: 0x312E, Hi: 0x312F, Stride: 1},
		{Lo: 0x31BB, Hi: 0x31BF, Stride: 1},
		{Lo: 0x4DB6, Hi: 0x4DBF, Stride: 1},
		{Lo: 0x9FD6, Hi: 0x9FFF, Stride: 1},
		{Lo: 0xA7AE, Hi: 0xA7AF, Stride: 1},
		{Lo: 0xA7B8, Hi: 0xA7CA, Stride: 1},
		{Lo: 0xA7D0, Hi: 0xA7D1, Stride: 1},
		{Lo: 0xA7D3, Hi: 0xA7D3, Stride: 1},
		{Lo: 0xA7D5, Hi: 0xA7D9, Stride: 1},
		{Lo: 0xA7F2, Hi: 0xA7F6, Stride: 1},
		{Lo: 0xA8FE, Hi: 0xA8FE, Stride: 1},
		{Lo: 0xAB66, Hi: 0xAB69, Stride: 1},
	},
}

// In Unicode 8.0 the Georgian Mkhedruli letters were caseless (Lo); Unicode
// 11 made them lower case. The two Mongolian Ali Gali letters were letters
// (Lo) before becoming marks (Mn).
const (
	mkhedruliFirst, mkhedruliLast = 0x10D0, 0x10FF
	aliGaliFirst, aliGaliLast     = 0x1885, 0x1886
)
