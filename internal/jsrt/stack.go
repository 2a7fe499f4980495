package jsrt

import "github.com/dop251/goja"

// installStackTraces gives errors V8's stacks (stack.js; see VM.use).
func (vm *VM) installStackTraces() {
	native := vm.rt.NewObject()
	_ = native.Set("frames", vm.stackFrames)
	_ = native.Set("wrapped", vm.showAsTarget)
	fn, err := vm.rt.RunProgram(program("stack.js"))
	if err != nil {
		panic(err) // the embedded source compiled; running it cannot fail
	}
	install, _ := goja.AssertFunction(fn)
	if _, err := install(goja.Undefined(), vm.rt.GlobalObject(), native); err != nil {
		// Code that froze Error goes without them; a limit that stopped
		// the runtime still ends the run.
		panicUncatchable(err)
	}
}

// stackFrames is native.frames(max) for stack.js: the calls that led to
// the stack.js function that asks, innermost first and at most max of them,
// each as [function name, file, line, column] (no file for a native
// function's).
func (vm *VM) stackFrames(call goja.FunctionCall) goja.Value {
	rt := vm.rt
	limit := call.Argument(0).ToFloat()
	frames := rt.CaptureCallStack(0, nil)
	i := 0
	for i < len(frames) && frames[i].SrcName() == "<native>" { // this function
		i++
	}
	for i < len(frames) && frames[i].SrcName() == "stack.js" {
		i++
	}
	// An error constructor called without new: the call of its Proxy.
	if i < len(frames) && frames[i].SrcName() == "<native>" && frames[i].FuncName() == "proxy" {
		i++
	}
	out := make([]any, 0, len(frames)-i)
	for j, f := range frames[i:] {
		if float64(len(out)) >= limit {
			break
		}
		// A turn's (ticks.go): turn.js, and the call of fn it makes.
		if f.SrcName() == "turn.js" || f.SrcName() == "<native>" && j+1 < len(frames[i:]) && frames[i+j+1].SrcName() == "turn.js" {
			continue
		}
		name := f.FuncName()
		if name == "<anonymous>" || name == "<native>" {
			name = ""
		}
		if f.SrcName() == "<native>" {
			out = append(out, rt.NewArray(name))
			continue
		}
		p := f.Position()
		out = append(out, rt.NewArray(name, f.SrcName(), p.Line, p.Column))
	}
	return rt.NewArray(out...)
}
