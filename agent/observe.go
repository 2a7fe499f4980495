package agent

import (
	"context"
	"sync"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
)

// measuring passes every engine event on to the telemetry observer and keeps
// the durations the budgets are judged on.
type measuring struct {
	next        generator.Observer
	runs, resol *window
	ops         *opWindows
}

// opWindows keeps a window per operation (phases and file operations), for
// the latency view.
type opWindows struct {
	mu sync.Mutex
	m  map[string]*window
}

func (o *opWindows) add(op string, d float64) {
	o.mu.Lock()
	w := o.m[op]
	if w == nil {
		w = &window{}
		o.m[op] = w
	}
	o.mu.Unlock()
	w.add(d)
}

// snapshot returns the windows by operation name.
func (o *opWindows) snapshot() map[string]*window {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make(map[string]*window, len(o.m))
	for k, v := range o.m {
		out[k] = v
	}
	return out
}

type runStartKey struct{}

// runTimes is what one run has measured so far.
type runTimes struct {
	start      time.Time
	resolution float64 // resolve + list, seconds
}

func (m *measuring) RunStart(ctx context.Context, args []string) context.Context {
	return context.WithValue(m.next.RunStart(ctx, args), runStartKey{}, &runTimes{start: time.Now()})
}

func (m *measuring) PhaseDone(ctx context.Context, p generator.Phase, start time.Time, err error) {
	m.next.PhaseDone(ctx, p, start, err)
	if err != nil {
		return
	}
	d := time.Since(start).Seconds()
	m.ops.add(string(p), d)
	rt, _ := ctx.Value(runStartKey{}).(*runTimes)
	switch {
	case rt == nil:
	case p == generator.PhaseResolve:
		rt.resolution = d
	case p == generator.PhaseList:
		// Resolution is both phases of the run together, one sample per run.
		m.resol.add(rt.resolution + d)
	}
}

func (m *measuring) FileDone(ctx context.Context, f generator.FileEvent) { m.next.FileDone(ctx, f) }

func (m *measuring) OpDone(ctx context.Context, op generator.OpResult, start time.Time, err error) {
	m.next.OpDone(ctx, op, start, err)
	if err == nil {
		m.ops.add(string(op.Kind), time.Since(start).Seconds())
	}
}

func (m *measuring) RunDone(ctx context.Context, res *generator.Result, err error) {
	m.next.RunDone(ctx, res, err)
	if rt, ok := ctx.Value(runStartKey{}).(*runTimes); ok && err == nil {
		d := time.Since(rt.start).Seconds()
		m.runs.add(d)
		m.ops.add("run", d)
	}
}
