package instrument

import (
	"context"
	"time"

	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// Track runs fn as a tracked operation: a span called name (a child of any
// span in ctx, and the parent of spans fn starts with the ctx it is given)
// and one hypergen.operation.duration measurement with operation=name and
// outcome ok or error. It returns fn's error. Use names from a small fixed
// set: they become metric attribute values. On a disabled Telemetry it only
// runs fn.
func (t *Telemetry) Track(ctx context.Context, name string, fn func(context.Context) error) error {
	if !t.enabled {
		return fn(ctx)
	}
	ctx, span := t.tracer.Start(ctx, name)
	start := time.Now()
	err := fn(ctx)
	if err != nil {
		observe.RecordError(span, err)
	}
	span.End()
	t.inst.RecordDuration(ctx, name, observe.Outcome(err), time.Since(start))
	return err
}
