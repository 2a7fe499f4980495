package generator

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hypergen-dev/hypergen/internal/suggest"
)

// TemplateError is a template that could not be parsed, rendered or applied.
// File is relative to the templates root's parent where possible.
type TemplateError struct {
	File string
	Line int // 0 when unknown
	Err  error
}

// Error formats the error as file:line: message.
func (e *TemplateError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *TemplateError) Unwrap() error { return e.Err }

// NotFoundError is a generator or action that does not exist. Available maps
// each generator to its actions, for the message.
type NotFoundError struct {
	Generator, Action string
	Templates         string
	Available         []GeneratorInfo
	// Suggestion is the existing generator (or action) a typo most likely
	// meant; "" when none is close.
	Suggestion string
	// ListErr is why the generators could not be listed, if they could not.
	ListErr error
}

// Error names what is missing and lists what exists.
func (e *NotFoundError) Error() string {
	var b strings.Builder
	if e.Action == "" {
		fmt.Fprintf(&b, "no generator %q in %s", e.Generator, e.Templates)
	} else {
		fmt.Fprintf(&b, "generator %q has no action %q in %s", e.Generator, e.Action, e.Templates)
	}
	if e.Suggestion != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", e.Suggestion)
	}
	if e.ListErr != nil {
		fmt.Fprintf(&b, " (the generators could not be listed: %v)", e.ListErr)
		return b.String()
	}
	if len(e.Available) == 0 {
		b.WriteString(" (it has no generators)")
		return b.String()
	}
	b.WriteString("; available:")
	for _, g := range e.Available {
		names := make([]string, len(g.Actions))
		for i, a := range g.Actions {
			names[i] = a.Name
		}
		fmt.Fprintf(&b, "\n  %s: %s", g.Name, strings.Join(names, ", "))
	}
	return b.String()
}

// suggest finds the generator, or with Action set the action of Generator,
// that the mistyped name (an action without its ":sub") most likely meant.
func (e *NotFoundError) suggest(name string) string {
	var names []string
	for _, g := range e.Available {
		if e.Action == "" {
			names = append(names, g.Name)
			continue
		}
		if g.Name == e.Generator {
			for _, a := range g.Actions {
				names = append(names, a.Name)
			}
		}
	}
	if e.Action == "" {
		name = e.Generator
	}
	s, _ := suggest.Closest(name, names)
	return s
}

// ErrNoAnswer is what a Prompt returns when no answer can come (stdin is
// closed). hygen then stops quietly with exit status 0, keeping what it wrote
// before the question; hypergen does the same and says so on Stderr.
var ErrNoAnswer = errors.New("no answer to the overwrite question (stdin closed)")

// UsageError is a command line the engine cannot act on.
type UsageError struct {
	Msg string
	// Err, when set, is the kind of refusal, for errors.Is: ErrOutside
	// for a generator, action folder, hook or template that a confined
	// run (Config.ConfineTemplates) finds outside the templates root.
	Err error
}

// Error returns the message.
func (e *UsageError) Error() string { return e.Msg }

// Unwrap returns Err.
func (e *UsageError) Unwrap() error { return e.Err }

// confinedf is a confined run's refusal of what leads outside the templates
// root: a usage error, as the request named it, that is also ErrOutside.
func confinedf(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...), Err: ErrOutside}
}

// ErrOutside is matched (errors.Is) by the error of a target, from: file
// or Liquid include that resolves outside the folders the run may use: the
// project, and the templates root for what it reads. Config.AllowOutside
// permits them; with Config.ConfineTemplates too, a target may still lead
// outside the project, but a from: file or include must be inside the
// templates root, and the UsageError refusing a generator, action folder,
// hook, template or template.yml that leads out of it matches ErrOutside.
var ErrOutside = errors.New("outside the folders the run may use")

// outsideError is an error that matches ErrOutside, with its own message.
type outsideError struct{ msg string }

func (e *outsideError) Error() string        { return e.msg }
func (e *outsideError) Is(target error) bool { return target == ErrOutside }

func outsidef(format string, args ...any) error {
	return &outsideError{fmt.Sprintf(format, args...)}
}
