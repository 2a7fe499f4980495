package generator

import (
	"context"
	"time"
)

// Phase names the steps of a Run, in the order they happen.
type Phase string

// The phases of a Run.
const (
	PhaseResolve Phase = "resolve" // templates root and action folder
	PhaseList    Phase = "list"    // walk and order the action's files
	PhaseRender  Phase = "render"  // parse frontmatter and render every file
	PhasePlan    Phase = "plan"    // compute every operation's effect
	PhaseApply   Phase = "apply"   // write files and run commands
)

// Step is one of the steps of a template file in the render phase, in the
// order they run: read, parse, then compile and render for each of its
// texts (frontmatter values, then the body) in turn.
type Step int

// The steps of a template file.
const (
	StepRead    Step = iota // reading the file
	StepParse               // frontmatter split and YAML
	StepCompile             // EJS translation and JavaScript compilation
	StepRender              // running the compiled templates (Liquid's too)
)

// FileEvent is one template file's way through the render phase.
type FileEvent struct {
	Template string    // template path, relative to the project where possible
	Start    time.Time // when reading began
	Read     time.Duration
	Parse    time.Duration // frontmatter split and YAML
	Compile  time.Duration // EJS translation and JavaScript compilation (near zero when cached)
	Render   time.Duration // running the compiled templates
	Bytes    int           // rendered body size
	// Compiled counts the texts of this file (frontmatter values and body)
	// that missed the compiled-template cache, Cached those that hit it;
	// texts without tags render to themselves and count in neither.
	Compiled, Cached int
	Err              error
	// Failed is the step Err came from. The steps before it succeeded;
	// one after it ran only if it has a duration (a frontmatter value
	// rendered before the body failed to compile).
	Failed Step
}

// Observer watches an engine without the engine depending on how it is
// watched; instrumentation implements it. RunStart may return a derived
// context (carrying a span, say) that the Run then passes to every other
// call. FileDone is called from render workers, concurrently; the rest from
// the Run's goroutine.
type Observer interface {
	RunStart(ctx context.Context, args []string) context.Context
	PhaseDone(ctx context.Context, phase Phase, start time.Time, err error)
	FileDone(ctx context.Context, f FileEvent)
	OpDone(ctx context.Context, op OpResult, start time.Time, err error)
	RunDone(ctx context.Context, res *Result, err error)
}

type nopObserver struct{}

func (nopObserver) RunStart(ctx context.Context, _ []string) context.Context { return ctx }
func (nopObserver) PhaseDone(context.Context, Phase, time.Time, error)       {}
func (nopObserver) FileDone(context.Context, FileEvent)                      {}
func (nopObserver) OpDone(context.Context, OpResult, time.Time, error)       {}
func (nopObserver) RunDone(context.Context, *Result, error)                  {}
