package perfcli

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strconv"
	"time"
)

// legacyDuration is a duration flag that also takes the plain number of
// milliseconds an older release took, noting the deprecation.
type legacyDuration struct {
	d          time.Duration
	deprecated string // the old form given, if it was
}

func (l *legacyDuration) String() string { return l.d.String() }
func (l *legacyDuration) Type() string   { return "duration" }

func (l *legacyDuration) Set(s string) error {
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if ms < 0 {
			return fmt.Errorf("want a duration such as 30s or 1m, not a negative number")
		}
		if err != nil || ms > math.MaxInt64/int64(time.Millisecond) {
			return fmt.Errorf("%s milliseconds is out of range (at most %d, about 292 years)", s, math.MaxInt64/int64(time.Millisecond))
		}
		l.d, l.deprecated = time.Duration(ms)*time.Millisecond, s
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("want a duration such as 30s or 1m")
	}
	l.d, l.deprecated = d, ""
	return nil
}

// note is the deprecation line for the old form, "" for the new one.
func (l *legacyDuration) note(flag string) string {
	if l.deprecated == "" {
		return ""
	}
	return fmt.Sprintf("warning: --%s %s: a plain number of milliseconds is deprecated; write --%s %s", flag, l.deprecated, flag, l.d)
}

// secondsForJSON makes JSON logs state durations in seconds (a number), as
// the metrics do, instead of slog's nanoseconds.
func secondsForJSON(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		return slog.Float64(a.Key, a.Value.Duration().Seconds())
	}
	return a
}
