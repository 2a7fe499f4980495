package instrument

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hypergen-dev/hypergen/exporters"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/internal/otelenv"
)

// reporter prints telemetry failures to the user, at most one line while
// the process runs (the first export failure; later ones are only counted)
// and at most one line for the final flush. A collector that is down or
// hung makes every export fail in several ways at once (a cancelled
// periodic export, each signal's flush, the deadline); one line that names
// the endpoint and the limit says more than all of them.
type reporter struct {
	out io.Writer // nil: print nothing

	mu       sync.Mutex
	printed  bool  // the running-phase line was printed
	stopping bool  // Shutdown has begun: failures wait for its one line
	stopErr  error // the first export failure during Shutdown
	finished bool  // Shutdown printed its line: nothing more is printed
}

func (r *reporter) exportFailed(signal string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopping {
		if r.stopErr == nil && !r.finished {
			r.stopErr = fmt.Errorf("telemetry export failed (%s): %w", signal, err)
		}
		return
	}
	if r.out == nil || r.printed {
		return
	}
	r.printed = true
	fmt.Fprintf(r.out, "hypergen: telemetry export failed (%s): %v (further failures are counted in %s, not printed)\n",
		signal, err, catalog.MetricTelemetryFailures)
}

// beginShutdown makes export failures from now on wait for finishShutdown.
func (r *reporter) beginShutdown() {
	r.mu.Lock()
	r.stopping = true
	r.mu.Unlock()
}

// finishShutdown turns what the final flush returned into one error, prints
// it (unless a one-shot run already printed its line) and returns it. A
// flush cut off by its deadline is named as such: which endpoint, what
// limit, and the setting that raises it.
func (r *reporter) finishShutdown(cfg Config, flushErr error, deadlineHit bool, timeout time.Duration) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.finished {
		return flushErr
	}
	r.finished = true
	var err error
	switch {
	case deadlineHit:
		err = fmt.Errorf("telemetry: the final export to %s did not finish within %v (%s); spans and metrics it was sending may not have arrived",
			otlpEndpoints(cfg, os.Getenv), timeout, timeoutSetting(cfg))
	case r.stopErr != nil:
		err = r.stopErr
	default:
		err = flushErr
	}
	// Failures still arriving (an export the deadline abandoned) are this
	// line's too: finished keeps them quiet.
	if err != nil && r.out != nil && !(cfg.OneShot && r.printed) {
		fmt.Fprintf(r.out, "hypergen: %v\n", err)
	}
	return err
}

// deadlineHit reports whether a flush ran out of time: its context's
// deadline passed, or an exporter returned a deadline error.
func deadlineHit(ctx context.Context, err error) bool {
	return errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded)
}

// timeoutSetting names what sets cfg.ShutdownTimeout, for messages.
func timeoutSetting(cfg Config) string {
	if cfg.TimeoutSetting != "" {
		return cfg.TimeoutSetting
	}
	return "HYPERGEN_TELEMETRY_TIMEOUT"
}

// otlpEndpoints names where the OTLP exporters send, as they read it
// themselves from the environment (signal-specific variable first, then
// the shared one, then the SDK's default), or the exporters' kinds when
// none is OTLP.
func otlpEndpoints(cfg Config, getenv func(string) string) string {
	var out []string
	for _, sig := range []struct {
		name  string
		kinds []exporters.Kind
	}{{"TRACES", cfg.Traces}, {"METRICS", cfg.Metrics}} {
		for _, k := range sig.kinds {
			if k != exporters.OTLP {
				continue
			}
			ep := getenv("OTEL_EXPORTER_OTLP_" + sig.name + "_ENDPOINT")
			if ep == "" {
				ep = getenv("OTEL_EXPORTER_OTLP_ENDPOINT")
			}
			if ep == "" {
				ep = "localhost:4317"
			}
			if s := "the collector at " + otelenv.Redacted(ep); !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if len(out) == 0 {
		return "the telemetry exporters"
	}
	return strings.Join(out, " and ")
}
