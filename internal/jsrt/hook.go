package jsrt

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/prompt"
)

// Question is one prompt question as enquirer (hygen's prompter) takes it.
type Question = prompt.Question

// Asker answers one question; the answer is a value of the jsvalue model.
type Asker func(q Question) (any, error)

// hookModule picks what hygen uses of a hook file's exports: the module
// itself, or its `default` export when it was compiled from an ES module.
func (vm *VM) hookModule(exports goja.Value) goja.Value {
	obj, ok := exports.(*goja.Object)
	if !ok {
		return exports
	}
	if esm := obj.Get("__esModule"); esm != nil && esm.ToBoolean() {
		if d := obj.Get("default"); d != nil && d.ToBoolean() {
			return d
		}
	}
	return exports
}

// RunHook runs an action hook module as hygen does: params({args, h}) if it
// exports params; otherwise prompt({prompter, inquirer, args, h}) if it
// exports prompt; otherwise it is an array of questions, asked only for the
// names args lacks. A returned promise is awaited. The answers come back as
// an object whose primitive values are Go values and whose other values stay
// JavaScript values of this VM (so functions keep working in templates
// rendered on it).
func (vm *VM) RunHook(m *Module, args *jsvalue.Object, ask Asker) (*jsvalue.Object, error) {
	defer vm.guard(vm.ctx)()
	vm.hookAsk = ask
	defer func() { vm.hookAsk = nil }()
	rt := vm.rt
	mod := vm.hookModule(m.Exports)
	obj, _ := mod.(*goja.Object)
	if obj == nil {
		return nil, fmt.Errorf("%s: exports %s, not params, prompt or an array of questions", m.File, printable(mod))
	}
	jsArgs := vm.ToValue(args)
	nested := vm.nestedValues(args, jsArgs)
	var prompter goja.Value = vm.newPrompter(ask)
	if vm.createPrompter != nil {
		custom, err := vm.projectPrompter()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.File, err)
		}
		prompter = custom
	}
	var result goja.Value
	var err error
	call := func(name string, param map[string]any) {
		fn, ok := goja.AssertFunction(obj.Get(name))
		if !ok {
			err = fmt.Errorf("%s: %s is not a function", m.File, name)
			return
		}
		p := rt.NewObject()
		for k, v := range param {
			_ = p.Set(k, v)
		}
		result, err = vm.turn(fn, obj, p)
	}
	switch {
	case truthy(obj.Get("params")):
		call("params", map[string]any{"args": jsArgs, "h": vm.helpers})
	case truthy(obj.Get("prompt")):
		call("prompt", map[string]any{"prompter": prompter, "inquirer": prompter, "args": jsArgs, "h": vm.helpers})
	default:
		if _, isArray := obj.Export().([]any); !isArray {
			return nil, fmt.Errorf("%s: exports neither params(), prompt() nor an array of questions", m.File)
		}
		if err = vm.checkFlagAnswers(obj, args); err != nil {
			return nil, fmt.Errorf("%s: %w", m.File, err)
		}
		var unanswered goja.Value
		unanswered, err = vm.unanswered(obj, jsArgs)
		if err == nil {
			fn, ok := goja.AssertFunction(prompter.ToObject(rt).Get("prompt"))
			if !ok {
				return nil, fmt.Errorf("%s: the prompter has no prompt function (see createPrompter in .hygen.js)", m.File)
			}
			result, err = vm.turn(fn, prompter, unanswered)
		}
	}
	if err == nil {
		result, err = vm.Await(result)
	}
	if uncaught := vm.drain(); uncaught != nil {
		return nil, fmt.Errorf("%s: %w", m.File, uncaught)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.File, vm.jsError(err, fileLine(err, m.File)))
	}
	vm.takeBackNested(args, jsArgs, nested)
	return vm.exportObject(result), nil
}

// projectPrompter is what the project's createPrompter (.hygen.js) gives.
func (vm *VM) projectPrompter() (*goja.Object, error) {
	custom, err := vm.createPrompter(goja.Undefined())
	if err == nil {
		custom, err = vm.Await(custom)
	}
	if err != nil {
		return nil, fmt.Errorf("createPrompter: %w", vm.jsError(err, 0))
	}
	obj, ok := custom.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("createPrompter in .hygen.js returned %s, not a prompter object", custom)
	}
	return obj, nil
}

// HasProjectPrompter reports whether .hygen.js gives a createPrompter,
// which hygen asks its overwrite question through too (AskOverwrite).
func (vm *VM) HasProjectPrompter() bool { return vm.createPrompter != nil }

// AskOverwrite asks the project's prompter question, a confirm named
// overwrite, as hygen's add does before it writes over a file: the answer
// is its overwrite property.
func (vm *VM) AskOverwrite(question string) (bool, error) {
	defer vm.guard(vm.ctx)()
	prompter, err := vm.projectPrompter()
	if err != nil {
		return false, err
	}
	prompt, ok := goja.AssertFunction(prompter.Get("prompt"))
	if !ok {
		return false, errors.New("the prompter has no prompt function (see createPrompter in .hygen.js)")
	}
	q := vm.rt.NewObject()
	for _, kv := range [][2]string{{"prefix", ""}, {"type", "confirm"}, {"name", "overwrite"}, {"message", question}} {
		_ = q.Set(kv[0], kv[1])
	}
	answer, err := prompt(prompter, q)
	if err == nil {
		answer, err = vm.Await(answer)
	}
	if uncaught := vm.drain(); uncaught != nil {
		return false, uncaught
	}
	if err != nil {
		return false, vm.jsError(err, 0)
	}
	if answer == nil || goja.IsUndefined(answer) || goja.IsNull(answer) {
		// hygen reads the answer's overwrite property, which throws here.
		return false, fmt.Errorf("the prompter answered %s, not an object with an overwrite property", answer)
	}
	return truthy(answer.ToObject(vm.rt).Get("overwrite")), nil
}

// nestedValues are the JavaScript objects and arrays a hook gets for the
// nested values of args (dotted and repeated flags), by key.
func (vm *VM) nestedValues(args *jsvalue.Object, jsArgs goja.Value) map[string]*goja.Object {
	o, ok := jsArgs.(*goja.Object)
	if !ok {
		return nil
	}
	out := map[string]*goja.Object{}
	for _, k := range args.Keys() {
		switch v, _ := args.Get(k); v.(type) {
		case *jsvalue.Object, []any:
			if n, ok := o.Get(k).(*goja.Object); ok {
				out[k] = n
			}
		}
	}
	return out
}

// takeBackNested gives args the hook's changes inside its nested values:
// hygen hands a hook the very objects and arrays of the dotted and repeated
// flags that the templates then get, so `args.conn.port = 5432` in a hook
// shows in them. An object the hook puts in their place (`args.conn =
// {…}`, like a top-level `args.x = 1`) does not, in either.
func (vm *VM) takeBackNested(args *jsvalue.Object, jsArgs goja.Value, nested map[string]*goja.Object) {
	o, ok := jsArgs.(*goja.Object)
	if !ok {
		return
	}
	for k, before := range nested {
		now, ok := o.Get(k).(*goja.Object)
		if !ok || !now.SameAs(before) {
			continue
		}
		budget := plainBudget{items: maxPlainItems, chars: maxPlainChars}
		if data, ok := vm.plainData(now, 0, &budget); ok {
			args.Set(k, data)
		}
	}
}

// maxPlainItems and maxPlainChars bound what plainData copies of one
// value, nested ones included: a hook may set an array's length to
// 2**32-1, or fill one with a single long string many times over (cheap in
// JavaScript, which shares it; each copy is a Go string of its own), and
// copying that would take the process's memory.
const (
	maxPlainItems = 1 << 16
	maxPlainChars = 1 << 22
)

// plainBudget is what plainData may still copy.
type plainBudget struct{ items, chars int }

// plainData converts a value made of plain objects, arrays and primitives
// into the jsvalue model; ok is false for anything else (a function, a
// Date, a class instance), past 32 levels or past the budget, and the
// value then stays as it was.
func (vm *VM) plainData(v goja.Value, depth int, budget *plainBudget) (any, bool) {
	obj, isObj := v.(*goja.Object)
	if !isObj {
		if s, ok := v.(goja.String); ok {
			if budget.chars -= s.Length(); budget.chars < 0 {
				return nil, false
			}
		}
		return vm.export(v), true
	}
	if depth >= 32 {
		return nil, false
	}
	switch obj.ClassName() {
	case "Array":
		n := obj.Get("length").ToInteger()
		if budget.items -= int(min(n, maxPlainItems+1)); budget.items < 0 {
			return nil, false
		}
		out := make([]any, n)
		for i := range out {
			e, ok := vm.plainData(obj.Get(strconv.Itoa(i)), depth+1, budget)
			if !ok {
				return nil, false
			}
			out[i] = e
		}
		return out, true
	case "Object":
		if p := obj.Prototype(); p != nil && p != vm.rt.Get("Object").ToObject(vm.rt).Get("prototype").ToObject(vm.rt) {
			return nil, false // a class instance
		}
		keys := obj.Keys()
		if budget.items -= len(keys); budget.items < 0 {
			return nil, false
		}
		out := jsvalue.NewObject()
		for _, k := range keys {
			e, ok := vm.plainData(obj.Get(k), depth+1, budget)
			if !ok {
				return nil, false
			}
			out.Set(k, e)
		}
		return out, true
	}
	return nil, false
}

// unansweredProgram is unanswered's filter, compiled once per process.
var unansweredProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("unanswered.js", `(function (qs, args) { return qs.filter(function (p) {
		return args[p.name] === undefined || args[p.name] === null || args[p.name].length === 0 }) })`, false)
})

// unanswered keeps the questions whose name args does not answer, with
// hygen's exact test (undefined, null or an empty length).
func (vm *VM) unanswered(questions, args goja.Value) (goja.Value, error) {
	v, err := vm.rt.RunProgram(unansweredProgram())
	if err != nil {
		return nil, err
	}
	fn, _ := goja.AssertFunction(v)
	return fn(goja.Undefined(), questions, args)
}

// checkFlagAnswers holds the flags that answer a question array's
// questions (hygen then does not ask them, and the flag's value is the
// answer as it stands) to the questions' choices: a select answered by a
// flag that is not one of its choices is an error, where hygen takes it.
func (vm *VM) checkFlagAnswers(questions *goja.Object, args *jsvalue.Object) error {
	for _, k := range questions.Keys() {
		qo, ok := questions.Get(k).(*goja.Object)
		if !ok {
			continue
		}
		q := vm.question(qo)
		v, _ := args.Get(q.Name)
		if !FlagAnswers(v) {
			continue // hygen asks this one
		}
		if _, err := prompt.KindOf(q); err != nil {
			continue // a type hypergen cannot ask (inquirer's checkbox, say) has no choices it knows to hold the flag to
		}
		if err := prompt.CheckChoices(q, v); err != nil {
			return fmt.Errorf("question %q (%s): --%s is not valid: %w", q.Name, q.Message, q.Name, err)
		}
	}
	return nil
}

// FlagAnswers reports whether a flag's value answers the question of the
// same name, by hygen's test: it is not undefined or null, and if it has a
// length (a string, an array), that is not zero.
func FlagAnswers(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	}
	return v != jsvalue.Undefined
}

func truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }

// newPrompter makes the enquirer-like object hooks receive: prompt(question
// or questions) resolves to an object of answers keyed by question name.
func (vm *VM) newPrompter(ask Asker) *goja.Object {
	rt := vm.rt
	p := rt.NewObject()
	_ = p.Set("prompt", func(call goja.FunctionCall) goja.Value {
		promise, resolve, reject := rt.NewPromise()
		questions := call.Argument(0)
		// The questions are asked from the job queue, once the calling
		// code has returned: a question's functions (initial, validate,
		// skip, result) that await something can only settle when no
		// JavaScript is running below them.
		later, _ := goja.AssertFunction(rt.Get("Promise").ToObject(rt).Get("resolve"))
		started, _ := later(rt.Get("Promise"))
		then, _ := goja.AssertFunction(started.ToObject(rt).Get("then"))
		_, _ = then(started, rt.ToValue(func(goja.FunctionCall) goja.Value {
			answers, err := vm.askAll(questions, ask)
			if err != nil {
				_ = reject(rt.NewGoError(err))
			} else {
				_ = resolve(answers)
			}
			return goja.Undefined()
		}))
		return rt.ToValue(promise)
	})
	return p
}

// askAll asks each question in turn and collects the answers, calling the
// question's functions as enquirer calls them (see prompt.js).
func (vm *VM) askAll(arg goja.Value, ask Asker) (*goja.Object, error) {
	rt := vm.rt
	var qs []*goja.Object
	if obj, ok := arg.(*goja.Object); ok {
		if _, isArray := obj.Export().([]any); isArray {
			for _, k := range obj.Keys() {
				if q, ok := obj.Get(k).(*goja.Object); ok {
					qs = append(qs, q)
				}
			}
		} else {
			qs = append(qs, obj)
		}
	}
	answers := rt.NewObject()
	// What stands for the Enquirer instance asking: the prompts' enquirer
	// and a type function's this, with the answers so far.
	enquirer := rt.NewObject()
	_ = enquirer.Set("answers", answers)
	_ = enquirer.Set("options", rt.NewObject())
	for _, q := range qs {
		if fn, ok := goja.AssertFunction(q.Get("type")); ok {
			// enquirer calls a type that is a function with the question
			// and the answers so far; a falsy type skips the question,
			// which then has no answer.
			t, err := fn(enquirer, q, answers)
			if err == nil {
				t, err = vm.Await(t)
			}
			if err != nil {
				return nil, fmt.Errorf("question %q: type: %w", q.Get("name"), err)
			}
			if !t.ToBoolean() {
				continue
			}
			typed := rt.NewObject()
			for _, k := range q.Keys() {
				_ = typed.Set(k, q.Get(k))
			}
			_ = typed.Set("type", t)
			q = typed
		}
		question := vm.question(q)
		if question.Name == "" {
			return nil, errors.New("a prompt question has no name")
		}
		p, answered, err := vm.promptFor(q, question.Type, enquirer)
		if err != nil {
			return nil, err
		}
		question.Validate = vm.validator(q, p)
		skip, err := vm.skipped(q, p, question.Name)
		if err != nil {
			return nil, fmt.Errorf("question %q: skip: %w", question.Name, err)
		}
		var answer any
		if skip {
			if answer, err = skippedAnswer(question); err != nil {
				return nil, err
			}
		} else {
			if fn, ok := goja.AssertFunction(q.Get("initial")); ok {
				// enquirer calls an initial function with the prompt when
				// it shows the question, and awaits what it returns.
				v, err := fn(p, p)
				if err == nil {
					v, err = vm.Await(v)
				}
				if err != nil {
					return nil, fmt.Errorf("question %q: initial: %w", question.Name, err)
				}
				question.Initial = vm.export(v)
				_ = p.Set("initial", v)
			}
			vm.answering.Store(true)
			answer, err = ask(question)
			vm.answering.Store(false)
			if err != nil {
				return nil, err
			}
		}
		v := vm.ToValue(answer)
		if _, err := answered(goja.Undefined(), v); err != nil {
			return nil, err
		}
		if fn, ok := goja.AssertFunction(q.Get("result")); ok {
			// enquirer awaits result, called on the prompt.
			v, err = fn(p, v)
			if err == nil {
				v, err = vm.Await(v)
			}
			if err != nil {
				return nil, fmt.Errorf("question %q: result: %w", question.Name, err)
			}
		}
		_ = answers.Set(question.Name, v)
	}
	return answers, nil
}

// promptFor makes the enquirer prompt of question q, of type typ, asked
// by enquirer, and the function that records its answer (prompt.js).
func (vm *VM) promptFor(q *goja.Object, typ string, enquirer *goja.Object) (*goja.Object, goja.Callable, error) {
	fn, err := vm.rt.RunProgram(program("prompt.js"))
	if err != nil {
		return nil, nil, err
	}
	make, _ := goja.AssertFunction(fn)
	made, err := make(goja.Undefined(), q, vm.rt.ToValue(typ), enquirer)
	if err != nil {
		return nil, nil, err
	}
	o := made.ToObject(vm.rt)
	answered, _ := goja.AssertFunction(o.Get("answered"))
	return o.Get("prompt").ToObject(vm.rt), answered, nil
}

// skipped reports whether enquirer skips question q: its skip option is
// true, or a function (called as enquirer calls it, on the prompt p, with
// the name and the value) whose result is truthy.
func (vm *VM) skipped(q, p *goja.Object, name string) (bool, error) {
	skip := q.Get("skip")
	fn, ok := goja.AssertFunction(skip)
	if !ok {
		return skip != nil && skip.Export() == true, nil
	}
	v, err := fn(p, vm.rt.ToValue(name), goja.Undefined())
	if err == nil {
		v, err = vm.Await(v)
	}
	if err != nil {
		return false, err
	}
	return v.ToBoolean(), nil
}

// skippedAnswer is the value a skipped question submits in enquirer 2.4
// (as hygen 6.2.11 runs it): the initial value of a text, number or
// boolean question, nothing for a choice (even with an initial choice),
// and otherwise the type's empty value. enquirer's own multiselect fails
// when skipped; hypergen answers no choices.
func skippedAnswer(q Question) (any, error) {
	kind, err := prompt.KindOf(q)
	if err != nil {
		return nil, err
	}
	initial := func(ok bool, empty any) any {
		if ok {
			return q.Initial
		}
		return empty
	}
	switch kind {
	case prompt.Text:
		_, ok := q.Initial.(string)
		return initial(ok, ""), nil
	case prompt.Boolean:
		_, ok := q.Initial.(bool)
		return initial(ok, false), nil
	case prompt.Number:
		_, ok := q.Initial.(float64)
		return initial(ok, 0.0), nil
	case prompt.One:
		return "", nil
	}
	return []any{}, nil
}

// question reads an enquirer question object, all but its validate
// function, which needs the question's prompt (validator).
func (vm *VM) question(q *goja.Object) Question {
	str := func(k string) string {
		if v := q.Get(k); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
			return v.String()
		}
		return ""
	}
	// enquirer registers each prompt under its class name and in lower
	// case: 'MultiSelect' is 'multiselect'.
	out := Question{Type: strings.ToLower(str("type")), Name: str("name"), Message: str("message"), Initial: jsvalue.Undefined}
	if out.Type == "" {
		out.Type = "input"
	}
	if out.Type == "select" && truthy(q.Get("multiple")) {
		out.Type = "multiselect" // enquirer's select with multiple: true is its multiselect
	}
	v := q.Get("initial")
	if v == nil || goja.IsUndefined(v) {
		v = q.Get("default") // enquirer's other name for it
	}
	if v != nil && !goja.IsUndefined(v) {
		out.Initial = vm.export(v)
		if o, ok := v.(*goja.Object); ok && o.ClassName() == "Array" {
			items := []any{} // a multiselect's initial choices
			for _, k := range o.Keys() {
				items = append(items, vm.export(o.Get(k)))
			}
			out.Initial = items
		}
	}
	if sep := q.Get("separator"); truthy(sep) {
		out.Separator = func(text string) []string { return vm.split(text, sep) }
	}
	if v := q.Get("round"); v != nil && v.Export() == true {
		out.Round = true
	}
	if v := q.Get("float"); v != nil && v.Export() == false {
		out.Round = true
	}
	if choices, ok := q.Get("choices").(*goja.Object); ok {
		for _, k := range choices.Keys() {
			c := choices.Get(k)
			if co, ok := c.(*goja.Object); ok {
				// enquirer names a choice by the first of these that is set
				for _, field := range []string{"name", "key", "title", "value", "message"} {
					if v := co.Get(field); truthy(v) {
						c = v
						break
					}
				}
			}
			out.Choices = append(out.Choices, c.String())
		}
	}
	return out
}

// split is String(text).split(sep) in JavaScript, as enquirer's list
// prompt splits with a separator option (a string or a RegExp); a
// separator split cannot use leaves the text whole.
func (vm *VM) split(text string, sep goja.Value) []string {
	whole := []string{text}
	proto := vm.rt.Get("String").ToObject(vm.rt).Get("prototype").ToObject(vm.rt)
	split, ok := goja.AssertFunction(proto.Get("split"))
	if !ok {
		return whole
	}
	res, err := split(vm.rt.ToValue(text), sep)
	if err != nil {
		return whole
	}
	parts, ok := res.Export().([]any)
	if !ok {
		return whole
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = fmt.Sprint(p)
	}
	return out
}

// validator is question q's validate function as enquirer calls it, on
// the prompt p with the answer and the prompt's state, or nil when q has
// none.
func (vm *VM) validator(q, p *goja.Object) func(answer any) string {
	fn, ok := goja.AssertFunction(q.Get("validate"))
	if !ok {
		return nil
	}
	return func(answer any) string {
		res, err := fn(p, vm.ToValue(answer), p.Get("state"))
		if err == nil {
			res, err = vm.Await(res)
		}
		if err != nil {
			return err.Error()
		}
		if msg, ok := res.Export().(string); ok {
			return msg // enquirer shows a returned string as the reason
		}
		if !res.ToBoolean() {
			return "invalid answer"
		}
		return ""
	}
}

// export converts a JavaScript value into the jsvalue model where that loses
// nothing (primitives); objects, arrays and functions stay JavaScript values.
func (vm *VM) export(v goja.Value) any {
	switch {
	case v == nil || goja.IsUndefined(v):
		return jsvalue.Undefined
	case goja.IsNull(v):
		return nil
	}
	switch x := v.Export().(type) {
	case string, bool:
		return x
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return v
}

// exportObject copies an object's own enumerable properties, as
// Object.assign does; anything but an object gives an empty object.
func (vm *VM) exportObject(v goja.Value) *jsvalue.Object {
	out := jsvalue.NewObject()
	obj, ok := v.(*goja.Object)
	if !ok {
		return out
	}
	for _, k := range obj.Keys() {
		out.Set(k, vm.export(obj.Get(k)))
	}
	return out
}
