package generator

import (
	"context"
	"io"
	"sync"
)

// heldOutput is what one template prints while an action's files render in
// parallel. hygen renders them one after another, so what they print comes
// in file order; held, it is printed in that order once the pass is over,
// or dropped when the action renders again in order (see renderAll), whose
// output then matches the files written. Once released it passes what is
// written on at once, under its run's lock: the templates still rendering
// write from several goroutines to the run's one writer (an agent
// request's buffer).
type heldOutput struct {
	mu     sync.Mutex // a child process's stdout and stderr are copied at once
	chunks []heldChunk
	// Set by release: where writes go now, and the lock they share.
	stdout, stderr io.Writer
	shared         *sync.Mutex
}

type heldChunk struct {
	stderr bool
	b      []byte
}

// writers are the stdout and stderr that hold what is written to them.
func (h *heldOutput) writers() (stdout, stderr io.Writer) {
	return heldWriter{h, false}, heldWriter{h, true}
}

type heldWriter struct {
	h      *heldOutput
	stderr bool
}

func (w heldWriter) Write(p []byte) (int, error) {
	h := w.h
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.shared == nil {
		h.chunks = append(h.chunks, heldChunk{w.stderr, append([]byte(nil), p...)})
		return len(p), nil
	}
	h.shared.Lock()
	defer h.shared.Unlock()
	if w.stderr {
		return h.stderr.Write(p)
	}
	return h.stdout.Write(p)
}

// release writes what was held to stdout and stderr (nowhere if print is
// false), in the order it was written, and passes later writes on.
func (h *heldOutput) release(stdout, stderr io.Writer, shared *sync.Mutex, print bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	shared.Lock()
	defer shared.Unlock()
	for _, c := range h.chunks {
		w := stdout
		if c.stderr {
			w = stderr
		}
		if print {
			_, _ = w.Write(c.b)
		}
	}
	h.chunks, h.stdout, h.stderr, h.shared = nil, stdout, stderr, shared
}

// heldRun holds, while an action's files render in parallel, what each
// prints and the event each reports, until it is known whether the action
// renders again in order (renderAll): the console then shows what the
// files hold, and the observer each file's outcome in the pass that
// counted. A run ended meanwhile (JavaScript stuck in a built-in) releases
// what it holds first, as it would otherwise be lost.
type heldRun struct {
	stdout, stderr io.Writer
	observer       Observer
	// stuck is Config.JSStuck for the run, what is held going out first;
	// nil without one, as nothing then ends the run early.
	stuck func(error) func()

	mu       sync.Mutex
	writing  sync.Mutex      // what released outputs write, one at a time
	ctx      context.Context // the render phase's, for the events
	outputs  []*heldOutput   // by file
	events   []*FileEvent    // by file, from the first pass
	second   []*FileEvent    // by file, from the ordered pass once it began
	released bool            // nothing held: pass on and report at once
}

func newHeldRun(stdout, stderr io.Writer, observer Observer, next func(error) func()) *heldRun {
	h := &heldRun{stdout: stdout, stderr: stderr, observer: observer, released: true}
	if next != nil {
		h.stuck = func(err error) func() {
			h.release()
			return next(err)
		}
	}
	return h
}

// hold starts holding for n files rendering in parallel.
func (h *heldRun) hold(ctx context.Context, n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ctx, h.outputs, h.events, h.second, h.released = ctx, make([]*heldOutput, n), make([]*FileEvent, n), nil, false
}

// output is where file i's scripts print in the first pass.
func (h *heldRun) output(i int) *heldOutput {
	h.mu.Lock()
	defer h.mu.Unlock()
	o := &heldOutput{}
	if h.released {
		o.release(h.stdout, h.stderr, &h.writing, false)
	} else {
		h.outputs[i] = o
	}
	return o
}

// orderedPass begins the second pass, which prints as it goes: what the
// first pass printed is dropped, and its events take their outcomes from
// this pass's (report with second set).
func (h *heldRun) orderedPass() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.second = make([]*FileEvent, len(h.events))
}

// report holds file i's event from the first pass, or, second set, from
// the ordered pass; once released it reports it at once.
func (h *heldRun) report(ctx context.Context, i int, ev FileEvent, second bool) {
	h.mu.Lock()
	if h.released {
		// Released by a run ended meanwhile: an ordered-pass event that
		// came after it still has the first pass's times.
		if second {
			ev = merged(h.events[i], &ev)
		}
		h.mu.Unlock()
		h.observer.FileDone(ctx, ev)
		return
	}
	if second {
		h.second[i] = &ev
	} else {
		h.events[i] = &ev
	}
	h.mu.Unlock()
}

// release prints what the first pass printed, unless the ordered pass has
// begun, and reports the events, in file order. Once the ordered pass has
// begun, each file's outcome and size are its: it is the pass whose files
// are written, so a file it has not rendered yet is reported when it has.
func (h *heldRun) release() {
	h.mu.Lock()
	if h.released {
		h.mu.Unlock()
		return
	}
	h.released = true
	outputs, events, second, ctx := h.outputs, h.events, h.second, h.ctx
	h.mu.Unlock()
	for i := range outputs {
		if outputs[i] != nil {
			outputs[i].release(h.stdout, h.stderr, &h.writing, second == nil)
		}
		switch {
		case second == nil && events[i] != nil:
			h.observer.FileDone(ctx, *events[i])
		case second != nil && second[i] != nil:
			h.observer.FileDone(ctx, merged(events[i], second[i]))
		}
	}
}

// merged is a file's event with the first pass's times (first may be nil)
// and the ordered pass's outcome and size.
func merged(first, ordered *FileEvent) FileEvent {
	if first == nil {
		return *ordered
	}
	e := *first
	e.Err, e.Bytes, e.Failed = ordered.Err, ordered.Bytes, ordered.Failed
	return e
}
