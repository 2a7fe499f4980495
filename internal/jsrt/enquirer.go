package jsrt

import (
	"fmt"
	"sync"

	"github.com/dop251/goja"
)

// enquirerModule stands in for the enquirer package when a hook requires
// it, installed, to ask its own questions (const { prompt } =
// require('enquirer')): enquirer needs Node's readline, and it is hygen's
// own prompter. Its prompt, the class's and an instance's, asks as the
// prompter hooks are given does, and so does run() of its prompt classes
// for the types hypergen answers (new Select({…}).run() resolves to the
// answer, as in enquirer).
func (vm *VM) enquirerModule() *goja.Object {
	return vm.builtin("enquirer", func(module *goja.Object) {
		rt := vm.rt
		prompt := vm.packagePrompt("enquirer")
		enquirer := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
			_ = call.This.Set("answers", rt.NewObject())
			return nil
		}).ToObject(rt)
		_ = enquirer.Set("prompt", prompt)
		classes, err := rt.RunProgram(enquirerProgram())
		if err != nil {
			panic(err)
		}
		add, _ := goja.AssertFunction(classes)
		if _, err := add(goja.Undefined(), enquirer, prompt); err != nil {
			panic(err)
		}
		_ = module.Set("exports", enquirer)
	})
}

// packagePrompt is the prompt a stand-in for pkg asks with: the prompter's
// of the hook that is running, which resolves to the answers of the
// questions it is given.
func (vm *VM) packagePrompt(pkg string) goja.Value {
	return vm.rt.ToValue(func(call goja.FunctionCall) goja.Value {
		if vm.hookAsk == nil {
			vm.throw(fmt.Errorf("%s's prompt asks only while a hook's prompt or params runs", pkg))
		}
		p := vm.newPrompter(vm.hookAsk)
		ask, _ := goja.AssertFunction(p.Get("prompt"))
		v, err := ask(p, call.Arguments...)
		if err != nil {
			panic(err)
		}
		return v
	})
}

// enquirerProgram is enquirerClasses compiled once per process, not once
// per runtime that requires enquirer.
var enquirerProgram = sync.OnceValue(func() *goja.Program {
	return goja.MustCompile("enquirer.js", enquirerClasses, false)
})

// enquirerClasses adds an instance's prompt, enquirer's prompt classes for
// the question types hypergen answers, each asking one question of its
// type (the name defaults to "value", as enquirer's does), and enquirer's
// shortcuts to them (enquirer.select(options)).
const enquirerClasses = `(function (enquirer, prompt) {
	// An instance's prompt gathers the answers of all its questions, as
	// enquirer's does, and resolves to them.
	enquirer.prototype.prompt = function (questions) {
		var self = this;
		return prompt(questions).then(function (answers) { return Object.assign(self.answers, answers); });
	};
	var types = { Input: 'input', Text: 'text', Password: 'password', Invisible: 'invisible',
		Confirm: 'confirm', Toggle: 'toggle', Numeral: 'numeral', List: 'list',
		Select: 'select', AutoComplete: 'autocomplete', MultiSelect: 'multiselect' };
	Object.keys(types).forEach(function (name) {
		var type = types[name];
		var cls = {[name]: class {
			constructor(options) {
				this.options = Object.assign({}, options, { type: type });
				if (this.options.name === undefined) this.options.name = 'value';
			}
			run() {
				var key = this.options.name;
				return prompt(this.options).then(function (answers) { return answers[key]; });
			}
		}}[name];
		var run = function (options) { return new cls(options).run(); };
		enquirer[name] = cls;
		enquirer[name.toLowerCase()] = run;
	});
})`
