package oneshot

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// Telemetry is one run's span pipeline: hypergen's observer recording into
// an otlplite tracer, exported once, when the run is over.
type Telemetry struct {
	settings Settings
	tp       *otlplite.TracerProvider
	errOut   io.Writer
}

// Start sets the pipeline up. version is hypergen's (service.version).
// errOut receives the one line printed when the export fails.
func Start(s Settings, version string, errOut io.Writer) *Telemetry {
	tp := otlplite.New(otlplite.Config{
		Endpoint: s.Endpoint,
		Headers:  s.Headers,
		Relay:    s.Relay,
		Resource: processResource(s.Resource, version),
	})
	// Connect while the run renders: the handshake is then off the end of
	// the run, where the process would wait for it. (Not with a relay,
	// which makes the connection a fallback most runs never use.)
	tp.Warm()
	return &Telemetry{settings: s, tp: tp, errOut: errOut}
}

// Observer records the run's spans. A one-shot run records no metrics: the
// Collector counts its spans (docs/metrics.md).
func (t *Telemetry) Observer() generator.Observer {
	return observe.New(t.tp.Tracer(catalog.InstrumentationScope), nil, t.settings.StepSpans)
}

// ObserveCache does nothing: each template span carries its cache result.
func (t *Telemetry) ObserveCache(func() (hits, misses int64)) {}

// Relayed reports how many spans Shutdown handed to the agent's relay
// socket rather than exporting them.
func (t *Telemetry) Relayed() int64 { return t.tp.Relayed() }

// Shutdown exports the run's spans within Settings.Timeout (or ctx's
// earlier deadline, though not its cancellation: a run stopped by Ctrl-C
// still reports what it did). A failure is printed as one line and
// returned.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), t.settings.Timeout)
	defer cancel()
	err := t.tp.Shutdown(ctx)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("telemetry: the final export to %s did not finish within %v (%s); its spans are lost",
			t.settings.Endpoint, t.settings.Timeout, t.settings.TimeoutSetting)
	default:
		err = fmt.Errorf("telemetry export failed (traces): %w", err)
	}
	fmt.Fprintf(t.errOut, "hypergen: %v\n", err)
	return err
}
