package perf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/hypergen-dev/hypergen/internal/regularfile"
)

// Record is one perf run as kept in the history: its kind ("benchmark",
// "test" or "optimize"), when it ran, where, and its report.
type Record struct {
	Kind   string          `json:"kind"`
	Time   time.Time       `json:"time"`
	Env    Environment     `json:"environment"`
	Report json.RawMessage `json:"report"`
}

// History is the append-only log of runs, one JSON record per line, in
// <cache>/perf/history.jsonl.
type History struct{ Path string }

// HistoryIn is the history kept in a cache folder.
func HistoryIn(cacheDir string) History {
	return History{Path: filepath.Join(cacheDir, "perf", "history.jsonl")}
}

// Append adds a run. A record is one write of one line, so a crash leaves at
// most a torn last line, which Load skips; the next record starts on a line
// of its own, or the torn one would take it down with it.
func (h History) Append(kind string, env Environment, report any) error {
	raw, err := json.Marshal(report)
	if err != nil {
		return err
	}
	line, err := json.Marshal(Record{Kind: kind, Time: time.Now().UTC(), Env: env, Report: raw})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(h.Path), 0o755); err != nil {
		return fmt.Errorf("the perf history cannot be written, so this run is not kept in it: %w", err)
	}
	f, err := regularfile.OpenFile(h.Path, os.O_APPEND|os.O_CREATE|os.O_RDWR, 0o644) // read: see torn
	if err != nil {
		return fmt.Errorf("the perf history cannot be written, so this run is not kept in it: %w", err)
	}
	line = append(line, '\n')
	if torn(f) {
		line = append([]byte{'\n'}, line...)
	}
	var before int64
	if fi, err := f.Stat(); err == nil {
		before = fi.Size()
	}
	n, err := f.Write(line)
	if err != nil && n > 0 {
		// A part of the line (a full disk, a file size limit) would be a
		// torn record every later command warns about: take it back,
		// unless another run has appended since.
		if fi, serr := f.Stat(); serr == nil && fi.Size() == before+int64(n) {
			_ = f.Truncate(before)
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("the perf history cannot be written, so this run is not kept in it: %w", err)
	}
	return nil
}

// torn reports whether f, open for reading and appending, ends in the
// middle of a line.
func torn(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return false
	}
	last := make([]byte, 1)
	_, err = f.ReadAt(last, fi.Size()-1)
	return err == nil && last[0] != '\n'
}

// Load returns every run, oldest first, and how many lines could not be
// read (a torn or foreign line is skipped, never trusted).
func (h History) Load() (runs []Record, skipped int, err error) {
	raw, err := regularfile.ReadFile(h.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	for line := range bytes.Lines(raw) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r Record
		// A report is an object: a line whose report is a string or a
		// number was counted as a run and exported against the schema.
		if json.Unmarshal(line, &r) != nil || r.Kind == "" || !bytes.HasPrefix(bytes.TrimSpace(r.Report), []byte("{")) {
			skipped++
			continue
		}
		runs = append(runs, r)
	}
	return runs, skipped, nil
}

// Latest returns the last n runs of a kind, newest last.
func Latest(runs []Record, kind string, n int) []Record {
	var out []Record
	for i := len(runs) - 1; i >= 0 && len(out) < n; i-- {
		if runs[i].Kind == kind {
			// Gathered newest first and turned round once: putting each in
			// front copied the list every time, quadratic in the history
			// (8 s for analyze at 8,000 runs, 284 s at 100,000).
			out = append(out, runs[i])
		}
	}
	slices.Reverse(out)
	return out
}
