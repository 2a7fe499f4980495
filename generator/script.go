package generator

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/prompt"
)

// ConfigFile is the project configuration hygen looks for from the working
// directory upward.
const ConfigFile = ".hygen.js"

// hookFiles are the action hook files hygen loads, the first that exists.
var hookFiles = []string{"index.js", "index.ts", "prompt.cjs", "prompt.js", "prompt.ts"}

// Question is one question a hook file asks (enquirer's format).
type Question = jsrt.Question

// script is the JavaScript side of a run whose project has a .hygen.js or
// whose action has a hook file. Everything of such a run happens on one VM,
// in hygen's order (config, hook, then each file's attributes and body), so
// module state and functions returned by hooks behave as they do in Node.
type script struct {
	vm     *jsrt.VM
	config *jsrt.ProjectConfig // nil without .hygen.js
}

// FindConfig returns the nearest .hygen.js at or above dir, or "": the
// project configuration a run in dir uses.
func FindConfig(dir string) string {
	for {
		if p := filepath.Join(dir, ConfigFile); fileExists(p) {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// findHook returns the action's hook file, or "".
func findHook(folder string) string {
	for _, h := range hookFiles {
		if p := filepath.Join(folder, h); fileExists(p) {
			return p
		}
	}
	return ""
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// newScript loads the project's .hygen.js, if any, on a VM of the run that
// the script keeps for the whole run.
func (e *Engine) newScript(js *jsrt.Pool) (*script, error) {
	s := &script{vm: js.Get()}
	if file := FindConfig(e.cfg.Cwd); file != "" {
		if err := trustedConfig(file); err != nil {
			return nil, &TemplateError{File: e.displayPath(file), Err: err}
		}
		cfg, err := s.vm.LoadConfig(file)
		if err != nil {
			te := &TemplateError{File: e.displayPath(file), Err: unwrapFile(err, file)}
			e.placeSyntaxError(te, err, file)
			return nil, te
		}
		s.config = cfg
	}
	return s, nil
}

// unwrapFile drops a leading "file: " that the caller already shows,
// keeping err in the chain (a time limit stays a *jsrt.TimeoutError, so the
// CLI can say how to raise it).
func unwrapFile(err error, file string) error {
	if msg := err.Error(); len(msg) > len(file)+2 && msg[:len(file)+2] == file+": " {
		return &trimmedError{msg: msg[len(file)+2:], err: err}
	}
	return err
}

// trimmedError is err with a shorter message.
type trimmedError struct {
	msg string
	err error
}

func (e *trimmedError) Error() string { return e.msg }
func (e *trimmedError) Unwrap() error { return e.err }

// runHook runs the action's hook file and returns its answers.
func (e *Engine) runHook(s *script, file string, hookArgs *jsvalue.Object) (*jsvalue.Object, error) {
	m, err := s.vm.Require(file)
	if err == nil {
		var answers *jsvalue.Object
		answers, err = s.vm.RunHook(m, hookArgs, e.asker(hookArgs))
		if err == nil {
			return answers, nil
		}
	}
	te := &TemplateError{File: e.displayPath(file), Err: unwrapFile(err, file)}
	// An exception thrown at a known line of the hook: file:line: message,
	// as a template's.
	var je *jsrt.Error
	if errors.As(err, &je) && je.Line > 0 && err.Error() == file+": "+je.Error() {
		te.Line, te.Err = je.Line, &trimmedError{msg: je.Msg, err: err}
	}
	e.placeSyntaxError(te, err, file)
	return nil, te
}

// placeSyntaxError words te, the error of file, when err is a syntax
// error the compiler placed. In file itself it gives te the line, which the
// compiler's message would otherwise name a second time, by its full path:
// file:line: SyntaxError: message, as a template's. In a file that file
// required, it names that file as the run names files.
func (e *Engine) placeSyntaxError(te *TemplateError, err error, file string) {
	var se *jsrt.SyntaxError
	if !errors.As(err, &se) || se.Line == 0 {
		return
	}
	if se.File == file {
		te.Line, te.Err = se.Line, &trimmedError{msg: "SyntaxError: " + se.Msg, err: err}
		return
	}
	te.Err = &trimmedError{msg: fmt.Sprintf("SyntaxError: %s:%d: %s", e.displayPath(se.File), se.Line, se.Msg), err: err}
}

// asker answers a hook's questions: from Config.Answers, else by asking
// (Config.Ask, on a terminal), else from a flag of the same name, else from
// the question's initial value. Answers become values of the question's type
// and must be among its choices. A question none of these answers is an
// error, never a wait.
func (e *Engine) asker(args *jsvalue.Object) jsrt.Asker {
	return func(q jsrt.Question) (any, error) {
		check := func(v any, source string) (any, error) {
			v, err := prompt.Coerce(q, v)
			if err == nil && q.Validate != nil {
				if msg := q.Validate(v); msg != "" {
					err = errors.New(msg)
				}
			}
			if err != nil {
				return nil, fmt.Errorf("question %q (%s): %s is not valid: %w", q.Name, q.Message, source, err)
			}
			return v, nil
		}
		if _, err := prompt.KindOf(q); err != nil {
			return nil, err
		}
		if v, ok := e.cfg.Answers[q.Name]; ok {
			jv, err := fromJSON(v, 0)
			if err != nil {
				return nil, fmt.Errorf("question %q (%s): the --answers value: %w", q.Name, q.Message, err)
			}
			return check(jv, "the --answers value")
		}
		// hygen's prompt fails on such an initial value as the question
		// starts, at a terminal or not (the questions of an array that
		// flags answer never get here: hygen does not ask them).
		if err := prompt.CheckInitial(q); err != nil {
			return nil, err
		}
		if e.cfg.Ask != nil {
			return e.cfg.Ask(q)
		}
		if v, ok := args.Get(q.Name); ok && jsrt.FlagAnswers(v) {
			return check(v, "--"+q.Name)
		}
		if v, ok, err := prompt.Initial(q); err != nil || ok {
			if err != nil {
				return nil, err
			}
			return check(v, "its initial value")
		}
		choices := ""
		if len(q.Choices) > 0 {
			choices = " (one of: " + strings.Join(q.Choices, ", ") + ")"
		}
		return nil, fmt.Errorf("question %q (%s) has no answer and stdin is not a terminal: pass --%s VALUE%s or put %q in an --answers file", q.Name, q.Message, q.Name, choices, q.Name)
	}
}

// fromJSON converts a value decoded by encoding/json into the jsvalue model.
// Values nested deeper than maxAnswerDepth are refused: no answer nests
// that deep, and a library caller's value that holds itself would
// otherwise end the process with a stack overflow no recover can catch.
func fromJSON(v any, depth int) (any, error) {
	if depth > maxAnswerDepth {
		return nil, fmt.Errorf("nested more than %d levels deep (does it hold itself?)", maxAnswerDepth)
	}
	switch x := v.(type) {
	case map[string]any:
		o := jsvalue.NewObject()
		for _, k := range slices.Sorted(maps.Keys(x)) {
			e, err := fromJSON(x[k], depth+1)
			if err != nil {
				return nil, err
			}
			o.Set(k, e)
		}
		return o, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			var err error
			if out[i], err = fromJSON(e, depth+1); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return v, nil
}

// maxAnswerDepth is as deep as an answer's value may nest.
const maxAnswerDepth = 1000

// helpersFor returns the h to render with on a scripted run: hygen's
// helpers plus the .hygen.js helpers, computed for these raw locals.
func (s *script) helpersFor(raw *jsvalue.Object) (jsrt.Helpers, error) {
	return s.vm.Helpers(s.config, raw)
}
