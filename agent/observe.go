package agent

import (
	"context"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
)

// measuring passes every engine event on to the telemetry observer and keeps
// the durations the budgets are judged on.
type measuring struct {
	next                 generator.Observer
	runs, startup, resol *window
}

type runStartKey struct{}

func (m *measuring) RunStart(ctx context.Context, args []string) context.Context {
	return context.WithValue(m.next.RunStart(ctx, args), runStartKey{}, time.Now())
}

func (m *measuring) PhaseDone(ctx context.Context, p generator.Phase, start time.Time, err error) {
	m.next.PhaseDone(ctx, p, start, err)
	if err != nil {
		return
	}
	d := time.Since(start).Seconds()
	switch p {
	case generator.PhaseResolve:
		m.resol.add(d)
		m.startup.add(d)
	case generator.PhaseList:
		m.startup.add(d)
	}
}

func (m *measuring) FileDone(ctx context.Context, f generator.FileEvent) { m.next.FileDone(ctx, f) }

func (m *measuring) OpDone(ctx context.Context, op generator.OpResult, start time.Time, err error) {
	m.next.OpDone(ctx, op, start, err)
}

func (m *measuring) RunDone(ctx context.Context, res *generator.Result, err error) {
	m.next.RunDone(ctx, res, err)
	if start, ok := ctx.Value(runStartKey{}).(time.Time); ok && err == nil {
		m.runs.add(time.Since(start).Seconds())
	}
}
