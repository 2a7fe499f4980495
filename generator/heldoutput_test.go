package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// A run released while its templates still render (JavaScript stuck in a
// built-in, in the agent, whose run goes on) loses nothing they print, and
// its one writer is written by one goroutine at a time: after a release
// they printed to it at once, and what a template mid-render printed into
// its released buffer was lost.
func TestHeldRunReleasedMidway(t *testing.T) {
	var out bytes.Buffer // as an agent request's, not safe for concurrent use
	h := newHeldRun(&out, &out, nopObserver{}, nil)
	const files = 40
	h.hold(context.Background(), files)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range files {
		o := h.output(i) // half before the release, half after
		if i == files/2 {
			h.release()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			stdout, _ := o.writers()
			for j := range 20 {
				fmt.Fprintf(stdout, "file %d line %d\n", i, j)
			}
		}()
	}
	close(start)
	wg.Wait()
	if n := strings.Count(out.String(), "\n"); n != files*20 {
		t.Errorf("%d lines printed, want %d", n, files*20)
	}
}

type recordingObserver struct {
	nopObserver
	mu     sync.Mutex
	events []FileEvent
}

func (o *recordingObserver) FileDone(_ context.Context, ev FileEvent) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.events = append(o.events, ev)
}

// A release during the ordered pass reports the files that pass has
// rendered, with its outcomes, prints nothing of the first pass (the ordered
// pass prints as it goes), and reports each other file once the ordered
// pass renders it. It printed the first pass's output over the second's
// and reported first-pass successes for files that then failed.
func TestHeldRunReleasedInTheOrderedPass(t *testing.T) {
	var out bytes.Buffer
	obs := &recordingObserver{}
	h := newHeldRun(&out, &out, obs, nil)
	ctx := context.Background()
	h.hold(ctx, 2)
	for i := range 2 {
		stdout, _ := h.output(i).writers()
		fmt.Fprintf(stdout, "first pass %d\n", i)
		h.report(ctx, i, FileEvent{Template: fmt.Sprint(i), Bytes: 1}, false)
	}
	h.orderedPass()
	h.report(ctx, 0, FileEvent{Template: "0", Bytes: 2}, true)
	h.release()
	failed := errors.New("sees the global")
	h.report(ctx, 1, FileEvent{Template: "1", Err: failed}, true)
	if out.Len() != 0 {
		t.Errorf("the first pass's output was printed: %q", out.String())
	}
	if len(obs.events) != 2 || obs.events[0].Bytes != 2 || obs.events[1].Err != failed {
		t.Errorf("events %+v, want file 0 with the ordered pass's size, then file 1 with its error", obs.events)
	}
}
