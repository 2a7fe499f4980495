package jsrt

import (
	"context"
	"io"
	"sync"
)

// Setup is what every VM of one run is made with. A VM serves one run (one
// generation) and is then dropped, so nothing a template, hook or .hygen.js
// does to globals, built-in prototypes or h reaches a later run.
type Setup struct {
	// Cwd is the project folder: h.path.resolve, process.cwd() and the
	// relative paths of fs resolve against it.
	Cwd string
	// Env returns the environment process.env shows, as KEY=value entries;
	// build it with ScriptEnv so secrets stay hidden. It is called when a
	// script first reads process, once per VM. Nil shows an empty env.
	Env func() []string
	// Stdout receives console.log and console.info, Stderr console.error and
	// console.warn; nil discards.
	Stdout, Stderr io.Writer
	// Run is what the run tells its scripts about itself (process.argv,
	// the child process policy).
	Run RunOptions
	// Limits bound the JavaScript of the run.
	Limits Limits
	// Templates compiles the files templates include (see include.go);
	// nil compiles each anew.
	Templates *Cache
	// CheckInclude, if set, is asked about every file a template includes,
	// before it is read, and returns why it may not be (the agent keeps
	// them inside the templates root).
	CheckInclude func(path string) error

	// scopeWarned prints ejs's warning about the scope option once per
	// run, as ejs does once per hygen process (see thisFor).
	scopeWarned *sync.Once
}

// install prepares a fresh runtime. It is the one place where the globals
// and built-in modules a run's JavaScript sees are installed: anything added
// for templates, hooks or .hygen.js belongs here, so that it is made anew
// for every run and shared with none.
func (vm *VM) install() {
	rt := vm.rt
	rt.SetMaxCallStackSize(vm.setup.Limits.callStack())
	vm.helpers = newHelpers(rt, vm.setup.Cwd)
	vm.installGlobals()
}

// Pool holds the VMs of one run: it makes a VM when every VM it made is in
// use, so it never holds more VMs than the run rendered at once, and it is
// dropped with the run. It is safe for concurrent use.
type Pool struct {
	ctx   context.Context
	setup Setup
	mu    sync.Mutex
	free  []*VM
}

// NewPool makes the VM pool of one run; ctx is the run's context, which
// interrupts its JavaScript when cancelled.
func NewPool(ctx context.Context, setup Setup) *Pool {
	setup.scopeWarned = new(sync.Once)
	return &Pool{ctx: ctx, setup: setup}
}

// Get takes a VM, making one if none is free.
func (p *Pool) Get() *VM {
	p.mu.Lock()
	if n := len(p.free); n > 0 {
		vm := p.free[n-1]
		p.free = p.free[:n-1]
		p.mu.Unlock()
		return vm
	}
	p.mu.Unlock()
	return NewVM(p.ctx, p.setup)
}

// Put returns a VM taken with Get.
func (p *Pool) Put(vm *VM) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, vm)
}

// GlobalsMade reports whether JavaScript has made a global on any VM now
// in the pool (assigned a name it never declared, or set a property of
// globalThis), which JavaScript on the pool's other VMs did not see.
// An error is what reading process.env threw (see VM.EnvChanges).
func (p *Pool) GlobalsMade() (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, vm := range p.free {
		if made, err := vm.globalsMade(); made || err != nil {
			return made, err
		}
	}
	return false, nil
}

// EnvChanges is what JavaScript on the pool's VMs did to process.env (see
// VM.EnvChanges): the changes of the first VM that made any. hygen renders
// every template in one Node process, so its commands see what any
// template assigned; a caller that wants that reads this once the pool's
// VMs are back and at most one of them changed process.env (renderAll
// renders again on one VM when a parallel pass changed it).
func (p *Pool) EnvChanges() (set map[string]string, unset []string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, vm := range p.free {
		if set, unset, err = vm.EnvChanges(); len(set) > 0 || len(unset) > 0 || err != nil {
			return set, unset, err
		}
	}
	return nil, nil, nil
}

// Fresh returns a new, empty pool for the same run: for rendering again,
// on runtimes no script has run in, what was rendered once.
func (p *Pool) Fresh() *Pool { return &Pool{ctx: p.ctx, setup: p.setup} }
