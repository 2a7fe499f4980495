package runrecord

import (
	"context"

	"github.com/hypergen-dev/hypergen/instrument/observe"
)

// Replay makes the calls the run made to its observer, with the run's own
// times, to rep: the spans of the run are recorded again, wherever rep's
// tracer sends them.
func Replay(ctx context.Context, rep observe.Replayer, rec Record) {
	run := ctx
	for _, e := range rec.Events {
		switch e.Kind {
		case RunStart:
			run = rep.RunStartAt(ctx, e.Start)
		case PhaseDone:
			rep.PhaseDoneAt(run, e.Phase, e.Start, e.End, e.Err)
		case FileDone:
			rep.FileDone(run, e.File)
		case OpDone:
			rep.OpDoneAt(run, e.Op, e.Start, e.End, e.Err)
		case RunDone:
			rep.RunDoneAt(run, e.Result, e.End, e.Err)
		}
	}
}
