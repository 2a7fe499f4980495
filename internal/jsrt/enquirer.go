package jsrt

import (
	"errors"

	"github.com/dop251/goja"
)

// enquirerModule stands in for the enquirer package when a hook requires
// it, installed, to ask its own questions (const { prompt } =
// require('enquirer')): enquirer needs Node's readline, and it is hygen's
// own prompter. Its prompt, the class's and an instance's, asks as the
// prompter hooks are given does. Its prompt classes (Input, Select, …) are
// not there.
func (vm *VM) enquirerModule() *goja.Object {
	return vm.builtin("enquirer", func(module *goja.Object) {
		rt := vm.rt
		prompt := rt.ToValue(func(call goja.FunctionCall) goja.Value {
			if vm.hookAsk == nil {
				vm.throw(errors.New("enquirer's prompt asks only while a hook's prompt or params runs"))
			}
			p := vm.newPrompter(vm.hookAsk)
			ask, _ := goja.AssertFunction(p.Get("prompt"))
			v, err := ask(p, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		})
		enquirer := rt.ToValue(func(call goja.ConstructorCall) *goja.Object {
			_ = call.This.Set("prompt", prompt)
			_ = call.This.Set("answers", rt.NewObject())
			return nil
		}).ToObject(rt)
		_ = enquirer.Set("prompt", prompt)
		_ = module.Set("exports", enquirer)
	})
}
