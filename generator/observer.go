package generator

import "time"

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

// Observer watches an engine without the engine depending on how it is
// watched; instrumentation implements it. Methods are called from the Run's
// goroutine, except FileRendered, which is called from render workers.
type Observer interface {
	PhaseDone(phase Phase, d time.Duration, err error)
	FileRendered(file string, d time.Duration, bytes int, err error)
	OpDone(op OpResult, d time.Duration)
}

type nopObserver struct{}

func (nopObserver) PhaseDone(Phase, time.Duration, error)          {}
func (nopObserver) FileRendered(string, time.Duration, int, error) {}
func (nopObserver) OpDone(OpResult, time.Duration)                 {}
