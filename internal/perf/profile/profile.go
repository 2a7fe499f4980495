package profile

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/hypergen-dev/hypergen/generator"
	"github.com/hypergen-dev/hypergen/internal/envflag"
)

// EnvProfileStartup switches the startup profile on.
const EnvProfileStartup = "HYPERGEN_PROFILE_STARTUP"

// Enabled reads HYPERGEN_PROFILE_STARTUP; a value that is not a boolean is
// an error naming the variable, never a silent default.
func Enabled(getenv func(string) string) (bool, error) {
	return envflag.Bool(getenv, EnvProfileStartup, false)
}

// Phases of one run, in the order they happen; Setup is the CLI's work
// before the engine starts (flags, index, memory limit).
var order = []string{"setup", string(generator.PhaseResolve), string(generator.PhaseList),
	string(generator.PhaseRender), string(generator.PhasePlan), string(generator.PhaseApply)}

// Run is the record of one generation.
type Run struct {
	Phases map[string]time.Duration // by phase name
	// Sums over the files rendered (they overlap when rendering is parallel).
	Read, Parse, Compile, Render time.Duration
	Files                        int
	Total                        time.Duration // from Recorder.Start to RunDone
}

// Recorder is a generator.Observer that records the last run, passing
// every event on to Next (if set).
type Recorder struct {
	Next generator.Observer

	mu    sync.Mutex
	start time.Time
	run   Run
}

// Start marks the beginning of setup (call it first thing in the process).
func (r *Recorder) Start(t time.Time) {
	r.mu.Lock()
	r.start = t
	r.run = Run{Phases: map[string]time.Duration{}}
	r.mu.Unlock()
}

// Last returns the record of the last run.
func (r *Recorder) Last() Run {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.run
}

func (r *Recorder) RunStart(ctx context.Context, args []string) context.Context {
	r.mu.Lock()
	if r.start.IsZero() || r.run.Phases == nil {
		r.start, r.run = time.Now(), Run{Phases: map[string]time.Duration{}}
	}
	r.run.Phases["setup"] = time.Since(r.start)
	r.mu.Unlock()
	if r.Next != nil {
		return r.Next.RunStart(ctx, args)
	}
	return ctx
}

func (r *Recorder) PhaseDone(ctx context.Context, p generator.Phase, start time.Time, err error) {
	r.mu.Lock()
	r.run.Phases[string(p)] = time.Since(start)
	r.mu.Unlock()
	if r.Next != nil {
		r.Next.PhaseDone(ctx, p, start, err)
	}
}

func (r *Recorder) FileDone(ctx context.Context, f generator.FileEvent) {
	r.mu.Lock()
	r.run.Read += f.Read
	r.run.Parse += f.Parse
	r.run.Compile += f.Compile
	r.run.Render += f.Render
	r.run.Files++
	r.mu.Unlock()
	if r.Next != nil {
		r.Next.FileDone(ctx, f)
	}
}

func (r *Recorder) OpDone(ctx context.Context, op generator.OpResult, start time.Time, err error) {
	if r.Next != nil {
		r.Next.OpDone(ctx, op, start, err)
	}
}

func (r *Recorder) RunDone(ctx context.Context, res *generator.Result, err error) {
	r.mu.Lock()
	r.run.Total = time.Since(r.start)
	r.start = time.Time{} // the next run starts its own record
	r.mu.Unlock()
	if r.Next != nil {
		r.Next.RunDone(ctx, res, err)
	}
}

// Print writes the record as a table. notes are appended as extra lines
// (the index and cache outcome, say).
func (run Run) Print(w io.Writer, notes ...string) {
	ms := func(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 3, 64) }
	pct := func(d time.Duration) string {
		if run.Total <= 0 {
			return "-"
		}
		return strconv.FormatFloat(100*float64(d)/float64(run.Total), 'f', 1, 64) + "%"
	}
	fmt.Fprintln(w, "hypergen startup profile (HYPERGEN_PROFILE_STARTUP):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\tms\tshare\t")
	for _, p := range order {
		if d, ok := run.Phases[p]; ok {
			fmt.Fprintf(tw, "%s\t%s\t%s\t\n", p, ms(d), pct(d))
		}
	}
	fmt.Fprintf(tw, "total (since main)\t%s\t\t\n", ms(run.Total))
	tw.Flush()
	fmt.Fprintf(w, "render detail over %d files (summed across workers): read %s ms, frontmatter %s ms, compile %s ms, run %s ms\n",
		run.Files, ms(run.Read), ms(run.Parse), ms(run.Compile), ms(run.Render))
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintln(w, "(process start and package initialisation come before main: GODEBUG=inittrace=1 shows them)")
}
