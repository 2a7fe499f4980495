package jsrt

import "github.com/dop251/goja"

// inquirerModule stands in for the inquirer package when a hook requires
// it, installed, to ask its own questions: inquirer, like enquirer, needs
// Node's readline. Its prompt turns each question into the one of the type
// hypergen asks (inquirer.js), answered by a flag of the question's name,
// --answers or at a terminal, as the prompter hooks are given answers.
func (vm *VM) inquirerModule() *goja.Object {
	return vm.builtin("inquirer", func(module *goja.Object) {
		_ = module.Set("exports", vm.build(program("inquirer.js"), vm.packagePrompt("inquirer")))
	})
}
