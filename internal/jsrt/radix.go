package jsrt

import (
	"math"
	"strings"
)

const radixDigits = "0123456789abcdefghijklmnopqrstuvwxyz"

// radixString is Number.prototype.toString(radix) of a finite v for a
// radix other than 10, digit for digit as V8 writes it. V8 writes only
// the fraction digits that v's precision holds: each digit is kept while
// what is left of the fraction exceeds delta, half the distance to the
// next double, scaled with the digits; when what is left rounds up (half
// to even) and the next double lies past that, the last digit is raised,
// carrying into the digits before it and into the integer part. The
// integer part is written from its end by remainders, but where it is
// too large for every remainder to be exact, its last digits are zeros.
func radixString(v float64, radix int) string {
	r := float64(radix)
	negative := v < 0
	if negative {
		v = -v
	}
	integer := math.Floor(v)
	fraction := v - integer
	delta := max(0.5*(math.Nextafter(v, math.Inf(1))-v), math.SmallestNonzeroFloat64)
	var frac []byte
	for fraction >= delta {
		fraction *= r
		delta *= r
		d := int(fraction)
		frac = append(frac, radixDigits[d])
		fraction -= float64(d)
		if (fraction > 0.5 || fraction == 0.5 && d&1 == 1) && fraction+delta > 1 {
			frac, integer = roundUpDigits(frac, integer, radix)
			break
		}
	}
	var intDigits []byte // from the last
	for integer/r >= 1<<53 {
		integer /= r
		intDigits = append(intDigits, '0')
	}
	for {
		rem := math.Mod(integer, r)
		intDigits = append(intDigits, radixDigits[int(rem)])
		integer = (integer - rem) / r
		if integer <= 0 {
			break
		}
	}
	var b strings.Builder
	if negative {
		b.WriteByte('-')
	}
	for i := len(intDigits) - 1; i >= 0; i-- {
		b.WriteByte(intDigits[i])
	}
	if len(frac) > 0 {
		b.WriteByte('.')
		b.Write(frac)
	}
	return b.String()
}

// roundUpDigits raises the last fraction digit, dropping the digits that
// carry over, and the integer part when every digit does.
func roundUpDigits(frac []byte, integer float64, radix int) ([]byte, float64) {
	for len(frac) > 0 {
		last := strings.IndexByte(radixDigits, frac[len(frac)-1])
		frac = frac[:len(frac)-1]
		if last+1 < radix {
			return append(frac, radixDigits[last+1]), integer
		}
	}
	return frac, integer + 1
}
