package report

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// Seconds formats a duration given in seconds with a fitting unit.
func Seconds(v float64) string {
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0"
	case a < 1e-6:
		return trim(v*1e9) + " ns"
	case a < 1e-3:
		return trim(v*1e6) + " µs"
	case a < 1:
		return trim(v*1e3) + " ms"
	}
	return trim(v) + " s"
}

// Bytes formats a size in binary units.
func Bytes(v float64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	i := 0
	for math.Abs(v) >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	return trim(v) + " " + units[i]
}

// Count formats a plain number.
func Count(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6:
		return trim(v/1e6) + "M"
	case a >= 1e4:
		return trim(v/1e3) + "k"
	}
	return trim(v)
}

// Percent formats a ratio as a percentage.
func Percent(v float64) string { return trim(v*100) + " %" }

// Clock formats Unix seconds as a short date and time (UTC).
func Clock(v float64) string {
	return time.Unix(int64(v), 0).UTC().Format("01-02 15:04")
}

// trim prints three significant digits without trailing zeros.
func trim(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e6 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	s := strconv.FormatFloat(v, 'g', 3, 64)
	if f, err := strconv.ParseFloat(s, 64); err == nil && math.Abs(f) >= 1 && math.Abs(f) < 1e6 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return s
}

// unitFormat returns the formatter for a unit name.
func unitFormat(unit string) func(float64) string {
	switch unit {
	case "s":
		return Seconds
	case "By":
		return Bytes
	case "ratio":
		return Percent
	case "time":
		return Clock
	}
	return Count
}

func fmtFloat(v float64) string { return fmt.Sprintf("%.2f", v) }
