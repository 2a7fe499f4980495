package generator

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/jsrt"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
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

// findConfig returns the nearest .hygen.js at or above dir, or "".
func findConfig(dir string) string {
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

// newScript loads the project's .hygen.js, if any, on a fresh VM. Its
// scripts see args (the command line) as process.argv, and may run child
// processes only where sh: commands may run.
func (e *Engine) newScript(args []string) (*script, error) {
	s := &script{vm: jsrt.NewVM(e.cfg.Cwd)}
	s.vm.SetOutput(e.cfg.Stdout, e.cfg.Stderr)
	s.vm.SetRun(jsrt.RunOptions{Args: args, DenyChildProcess: e.cfg.DenyShell})
	if file := findConfig(e.cfg.Cwd); file != "" {
		cfg, err := s.vm.LoadConfig(file)
		if err != nil {
			return nil, &TemplateError{File: e.displayPath(file), Err: unwrapFile(err, file)}
		}
		s.config = cfg
	}
	return s, nil
}

// unwrapFile drops a leading "file: " that the caller already shows.
func unwrapFile(err error, file string) error {
	if msg := err.Error(); len(msg) > len(file)+2 && msg[:len(file)+2] == file+": " {
		return fmt.Errorf("%s", msg[len(file)+2:])
	}
	return err
}

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
	return nil, &TemplateError{File: e.displayPath(file), Err: unwrapFile(err, file)}
}

// asker answers a hook's questions: from Config.Answers, else by asking
// (Config.Ask, on a terminal), else from a flag of the same name, else from
// the question's initial value. A question none of these answers is an
// error, never a wait.
func (e *Engine) asker(args *jsvalue.Object) jsrt.Asker {
	return func(q jsrt.Question) (any, error) {
		check := func(v any, source string) (any, error) {
			if q.Validate != nil {
				if msg := q.Validate(v); msg != "" {
					return nil, fmt.Errorf("%s for question %q is not valid: %s", source, q.Name, msg)
				}
			}
			return v, nil
		}
		if v, ok := e.cfg.Answers[q.Name]; ok {
			return check(fromJSON(v), "the --answers value")
		}
		if e.cfg.Ask != nil {
			return e.cfg.Ask(q)
		}
		if v, ok := args.Get(q.Name); ok && v != nil && v != jsvalue.Undefined {
			return check(v, "the flag")
		}
		if q.Initial != jsvalue.Undefined {
			return check(initialAnswer(q), "the initial value")
		}
		return nil, fmt.Errorf("question %q (%s) has no answer and stdin is not a terminal: pass --%s VALUE or put %q in an --answers file", q.Name, q.Message, q.Name, q.Name)
	}
}

// initialAnswer is what enquirer answers when the user just presses enter:
// the initial value, which for a select may be the index of a choice.
func initialAnswer(q jsrt.Question) any {
	if n, ok := q.Initial.(float64); ok && (q.Type == "select" || q.Type == "autocomplete") && int(n) >= 0 && int(n) < len(q.Choices) {
		return q.Choices[int(n)]
	}
	return q.Initial
}

// fromJSON converts a value decoded by encoding/json into the jsvalue model.
func fromJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		o := jsvalue.NewObject()
		for _, k := range slices.Sorted(maps.Keys(x)) {
			o.Set(k, fromJSON(x[k]))
		}
		return o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = fromJSON(e)
		}
		return out
	}
	return v
}

// helpersFor returns the h to render with on a scripted run: hygen's
// helpers plus the .hygen.js helpers, computed for these raw locals.
func (s *script) helpersFor(raw *jsvalue.Object) (goja.Value, error) {
	return s.vm.Helpers(s.config, raw)
}
