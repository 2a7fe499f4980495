package liquidtmpl

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// strftime formats t as liquidjs's date filter does, which is not C's nor
// Ruby's strftime (nor osteele/tuesday's, used before): %c, %x and %X are
// Node's en-US toLocaleString, toLocaleDateString and toLocaleTimeString
// ("3/5/2024, 7:08:09 AM"), %Z the time zone's name ("Europe/Paris"), a
// width pads any directive (%10B), %N is cut or filled to its width, and
// a directive liquidjs lacks (%v, %+) is printed as written. zone is what
// %Z prints; "" prints the offset, as liquidjs does for a zone with no
// name.
func strftime(t time.Time, format, zone string) string {
	var b strings.Builder
	for {
		m := directive().FindStringSubmatchIndex(format)
		if m == nil {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:m[0]])
		part := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return format[m[2*i]:m[2*i+1]]
		}
		b.WriteString(formatDirective(t, zone, format[m[0]:m[1]], part(1), part(2), part(4)))
		format = format[m[1]:]
	}
}

// directive is one directive: its flags, width, E or O modifier (read and
// ignored) and conversion character.
var directive = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`%([-_0^#:]+)?(\d+)?([EO])?(.)`)
})

// defaultWidths are the widths directives are padded to when no width is
// given; the others are not padded.
var defaultWidths = map[string]int{
	"C": 2, "d": 2, "e": 2, "g": 2, "G": 4, "H": 2, "I": 2, "j": 3, "k": 2,
	"l": 2, "L": 3, "m": 2, "M": 2, "S": 2, "U": 2, "V": 2, "W": 2, "y": 2, "Y": 4,
}

// spacePadded are the directives padded with spaces rather than zeros,
// unless a flag says otherwise.
const spacePadded = "aAbBceklpPDFrRT"

// composite directives are formats of their own, padded as a whole.
var composite = map[string]string{
	"D": "%m/%d/%y", "F": "%Y-%m-%d", "r": "%I:%M:%S %p", "R": "%H:%M", "T": "%H:%M:%S",
}

func formatDirective(t time.Time, zone, whole, flags, width, conv string) string {
	out, ok := conversion(t, zone, flags, width, conv)
	if !ok {
		return whole
	}
	pad := byte('0')
	if strings.Contains(spacePadded, conv) {
		pad = ' '
	}
	w, _ := strconv.Atoi(width)
	if w == 0 {
		w = defaultWidths[conv]
	}
	if strings.Contains(flags, "^") {
		out = strings.ToUpper(out)
	} else if strings.Contains(flags, "#") {
		// Swapped as a whole: upper case if any letter is lower case.
		if strings.ContainsFunc(out, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
			out = strings.ToUpper(out)
		} else {
			out = strings.ToLower(out)
		}
	}
	if strings.Contains(flags, "_") {
		pad = ' '
	} else if strings.Contains(flags, "0") {
		pad = '0'
	}
	if strings.Contains(flags, "-") {
		w = 0
	}
	// Zeros go after a minus sign (a year before 1 BC), spaces before it.
	if rest, neg := strings.CutPrefix(out, "-"); neg && pad == '0' {
		return "-" + padLeft(rest, w-1, pad)
	}
	return padLeft(out, w, pad)
}

func padLeft(s string, width int, pad byte) string {
	if n := width - utf8.RuneCountInString(s); n > 0 {
		return strings.Repeat(string(pad), n) + s
	}
	return s
}

// conversion is what directive conv prints before padding, and whether
// liquidjs has it.
func conversion(t time.Time, zone, flags, width, conv string) (string, bool) {
	itoa := strconv.Itoa
	hour12 := func() string {
		if h := t.Hour() % 12; h != 0 {
			return itoa(h)
		}
		return "12"
	}
	switch conv {
	case "a":
		return t.Weekday().String()[:3], true
	case "A":
		return t.Weekday().String(), true
	case "b", "h":
		return t.Month().String()[:3], true
	case "B":
		return t.Month().String(), true
	case "c":
		return localeDate(t) + ", " + localeTime(t), true
	case "x":
		return localeDate(t), true
	case "X":
		return localeTime(t), true
	case "C":
		return itoa(int(math.Floor(float64(t.Year()) / 100))), true
	case "d", "e":
		return itoa(t.Day()), true
	case "g":
		y, _ := t.ISOWeek()
		return itoa((y%100 + 100) % 100), true
	case "G":
		y, _ := t.ISOWeek()
		return itoa(y), true
	case "H", "k":
		return itoa(t.Hour()), true
	case "I", "l":
		return hour12(), true
	case "j":
		return itoa(t.YearDay()), true
	case "L":
		return itoa(t.Nanosecond() / 1e6), true
	case "m":
		return itoa(int(t.Month())), true
	case "M":
		return itoa(t.Minute()), true
	case "N":
		// Milliseconds are all a JavaScript date has: the digits after
		// them are zeros.
		w, _ := strconv.Atoi(width)
		if w == 0 {
			w = 9
		}
		ms := fmt.Sprintf("%03d", t.Nanosecond()/1e6)
		return ms[:min(w, 3)] + strings.Repeat("0", max(w-3, 0)), true
	case "p":
		if t.Hour() < 12 {
			return "AM", true
		}
		return "PM", true
	case "P":
		if t.Hour() < 12 {
			return "am", true
		}
		return "pm", true
	case "q":
		return ordinalSuffix(t.Day()), true
	case "s":
		return strconv.FormatInt(int64(math.Floor(float64(t.UnixMilli())/1000)), 10), true
	case "S":
		return itoa(t.Second()), true
	case "u":
		if d := int(t.Weekday()); d != 0 {
			return itoa(d), true
		}
		return "7", true
	case "U":
		return itoa(weekOfYear(t, time.Sunday)), true
	case "V":
		_, w := t.ISOWeek()
		return itoa(w), true
	case "w":
		return itoa(int(t.Weekday())), true
	case "W":
		return itoa(weekOfYear(t, time.Monday)), true
	case "y":
		return itoa((t.Year()%100 + 100) % 100), true
	case "Y":
		return itoa(t.Year()), true
	case "z":
		return zoneOffset(t, strings.Contains(flags, ":")), true
	case "Z":
		if zone != "" {
			return zone, true
		}
		return zoneOffset(t, strings.Contains(flags, ":")), true
	case "t":
		return "\t", true
	case "n":
		return "\n", true
	case "%":
		return "%", true
	}
	if f, ok := composite[conv]; ok {
		return strftime(t, f, zone), true
	}
	return "", false
}

// localeDate and localeTime are Node's en-US toLocaleDateString and
// toLocaleTimeString, which liquidjs's %x and %X print.
func localeDate(t time.Time) string {
	return fmt.Sprintf("%d/%d/%d", int(t.Month()), t.Day(), t.Year())
}

func localeTime(t time.Time) string {
	h, suffix := t.Hour()%12, "AM"
	if t.Hour() >= 12 {
		suffix = "PM"
	}
	if h == 0 {
		h = 12
	}
	return fmt.Sprintf("%d:%02d:%02d %s", h, t.Minute(), t.Second(), suffix)
}

func ordinalSuffix(day int) string {
	if day >= 11 && day <= 13 {
		return "th"
	}
	switch day % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// weekOfYear is the week of t's year, weeks starting on start; the days
// before the year's first start are week 0.
func weekOfYear(t time.Time, start time.Weekday) int {
	since := (int(t.Weekday()) - int(start) + 7) % 7
	return (t.YearDay() - 1 - since + 7) / 7
}

// zoneOffset is t's offset from UTC as ±hhmm, or ±hh:mm with colon, in
// whole minutes as JavaScript has it.
func zoneOffset(t time.Time, colon bool) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	sep := ""
	if colon {
		sep = ":"
	}
	off /= 60
	return fmt.Sprintf("%s%02d%s%02d", sign, off/60, sep, off%60)
}

// localZone is the name Node gives the process's time zone, which %Z
// prints: TZ's, or the name /etc/localtime links to, as ICU names it; ""
// (the offset is printed) for a TZ Go cannot load, whose offset Node
// prints too.
var localZone = sync.OnceValue(func() string {
	tz, set := os.LookupEnv("TZ")
	return zoneName(tz, set)
})

// zoneName is localZone's name for TZ=tz, or for TZ unset.
func zoneName(tz string, set bool) string {
	name := strings.TrimPrefix(tz, ":")
	switch {
	case set && name == "":
		return "Etc/Unknown" // Node's name for TZ=""
	case set:
		if _, err := time.LoadLocation(name); err != nil {
			return ""
		}
	default:
		link, err := os.Readlink("/etc/localtime")
		_, after, ok := strings.Cut(filepath.ToSlash(link), "zoneinfo/")
		if err != nil || !ok {
			return "UTC"
		}
		name = after
	}
	if id, ok := icuZoneIDs[name]; ok {
		return id
	}
	return name
}
