package generator

import (
	"io"
	"sync"
)

// heldOutput is what one template printed while an action's files
// rendered in parallel. hygen renders them one after another, so what they
// print comes in file order; held, it is printed in that order once the
// pass is over, or dropped when the action renders again in order (see
// renderAll), whose output then matches the files written.
type heldOutput struct {
	mu     sync.Mutex // a child process's stdout and stderr are copied at once
	chunks []heldChunk
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
	w.h.mu.Lock()
	defer w.h.mu.Unlock()
	w.h.chunks = append(w.h.chunks, heldChunk{w.stderr, append([]byte(nil), p...)})
	return len(p), nil
}

// release writes what was held to stdout and stderr, in the order it was
// written.
func (h *heldOutput) release(stdout, stderr io.Writer) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, c := range h.chunks {
		w := stdout
		if c.stderr {
			w = stderr
		}
		_, _ = w.Write(c.b)
	}
	h.chunks = nil
}
