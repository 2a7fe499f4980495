package oneshot

import (
	"context"
	"errors"
	"fmt"
	"io"

	"go.opentelemetry.io/otel/attribute"

	"github.com/hypergen-dev/hypergen/exporters/otlplite"
	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/instrument/catalog"
	"github.com/hypergen-dev/hypergen/instrument/observe"
	"github.com/hypergen-dev/hypergen/internal/runrecord"
)

// Telemetry is one run's span pipeline: hypergen's observer recording into
// an otlplite tracer, exported once, when the run is over. With a relay
// socket (Settings.Relay) the run keeps its record instead
// (internal/runrecord) and hands it to the agent; only if the agent does
// not take it are the spans made from it and exported.
type Telemetry struct {
	settings Settings
	resource []attribute.KeyValue
	tp       *otlplite.TracerProvider // nil with a relay until it is needed
	record   *runrecord.Recorder      // with a relay
	relayed  bool
	errOut   io.Writer
}

// Start sets the pipeline up. version is hypergen's (service.version).
// errOut receives the one line printed when the export fails.
func Start(s Settings, version string, errOut io.Writer) *Telemetry {
	t := &Telemetry{settings: s, resource: processResource(s.Resource, version), errOut: errOut}
	if s.Relay == "" || !runrecord.KernelNamesSender {
		t.resource = withPID(t.resource)
	}
	if s.Relay != "" {
		t.record = runrecord.NewRecorder(t.resource, s.StepSpans)
		return t
	}
	t.tp = t.provider()
	// Connect while the run renders: the handshake is then off the end of
	// the run, where the process would wait for it.
	t.tp.Warm()
	return t
}

func (t *Telemetry) provider() *otlplite.TracerProvider {
	return otlplite.New(otlplite.Config{Endpoint: t.settings.Endpoint, Headers: t.settings.Headers, Resource: t.resource})
}

// Observer records the run. A one-shot run records no metrics: the
// Collector counts its spans (docs/metrics.md).
func (t *Telemetry) Observer() generator.Observer {
	if t.record != nil {
		return t.record
	}
	return observe.New(t.tp.Tracer(catalog.InstrumentationScope), nil, t.settings.StepSpans)
}

// ObserveCache does nothing: each template span carries its cache result.
func (t *Telemetry) ObserveCache(func() (hits, misses int64)) {}

// Relayed reports whether Shutdown handed the run's record to the agent's
// relay socket rather than exporting its spans.
func (t *Telemetry) Relayed() bool { return t.relayed }

// Shutdown hands the run's record to the agent or exports the run's spans,
// within Settings.Timeout (or ctx's earlier deadline, though not its
// cancellation: a run stopped by Ctrl-C still reports what it did). A
// failure is printed as one line and returned.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	err := t.shutdown(ctx)
	if err != nil {
		fmt.Fprintf(t.errOut, "hypergen: %v\n", err)
	}
	return err
}

func (t *Telemetry) shutdown(ctx context.Context) error {
	if t.record != nil {
		if t.record.Empty() {
			return nil // no run, no spans: as the exporter sends nothing
		}
		msg := t.record.Bytes()
		err := runrecord.Send(t.settings.Relay, msg)
		if err == nil {
			t.relayed = true
			return nil
		}
		if t.settings.Endpoint == "" {
			return fmt.Errorf("telemetry: the relay to %s did not take the run's record: %w", t.settings.Relay, err)
		}
		if err := t.replay(msg); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), t.settings.Timeout)
	defer cancel()
	err := t.tp.Shutdown(ctx)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("telemetry: the final export to %s did not finish within %v (%s); its spans may not have arrived",
			t.settings.Endpoint, t.settings.Timeout, t.settings.TimeoutSetting)
	default:
		return fmt.Errorf("telemetry export failed (traces): %w", err)
	}
}

// replay makes the run's spans from its record, for the exporter.
func (t *Telemetry) replay(msg []byte) error {
	rec, err := runrecord.Decode(msg)
	if err != nil {
		return fmt.Errorf("telemetry: %w", err) // a bug: the record was written here
	}
	t.resource = withPID(t.resource) // the record may have left it to the agent
	t.tp = t.provider()
	runrecord.Replay(context.Background(), observe.NewReplayer(t.tp.Tracer(catalog.InstrumentationScope), rec.StepSpans), rec)
	return nil
}
