package jsrt

import (
	"errors"

	"github.com/dop251/goja"
)

// inquirerModule stands in for the inquirer package when a hook requires
// it, installed, to ask its own questions: inquirer, like enquirer, needs
// Node's readline. Its prompt turns each question into the one of the type
// hypergen asks (inquirer.js), answered by a flag of the question's name,
// --answers or at a terminal, as the prompter hooks are given answers.
func (vm *VM) inquirerModule() *goja.Object {
	return vm.builtin("inquirer", func(module *goja.Object) {
		rt := vm.rt
		ask := rt.ToValue(func(call goja.FunctionCall) goja.Value {
			if vm.hookAsk == nil {
				vm.throw(errors.New("inquirer's prompt asks only while a hook's prompt or params runs"))
			}
			p := vm.newPrompter(vm.hookAsk)
			prompt, _ := goja.AssertFunction(p.Get("prompt"))
			v, err := prompt(p, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		})
		_ = module.Set("exports", vm.build(program("inquirer.js"), ask))
	})
}
