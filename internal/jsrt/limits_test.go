package jsrt

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// Runaway JavaScript stops at the time limit, wherever it runs: a template,
// a required file (.hygen.js) or a hook, also inside try/catch.
func TestRunawayStopsAtTimeLimit(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"loop.js":      "while (true) {}",
		"catching.js":  "for (;;) { try { require('./loop.js') } catch (e) {} }",
		"hook.js":      "module.exports = { params: () => { for (;;) {} } }",
		"hook-spin.js": "module.exports = { params: async () => { while (true) { await null } } }",
	})
	setup := Setup{Cwd: dir, Limits: Limits{Timeout: 100 * time.Millisecond}}
	var c Cache
	tmpl, err := c.Compile("a\n<% while (true) {} %>", ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// h.inflection's indexOf and transform loop to the length they are
	// given, in JavaScript, where the interrupt reaches them.
	helperLoop, err := c.Compile("<% h.inflection.indexOf({length: 1e15}, 1) %><% h.inflection.transform('x', {length: 1e15}) %>", ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	runs := map[string]func(vm *VM) error{
		"template": func(vm *VM) error {
			_, err := vm.Render(context.Background(), tmpl, jsvalue.NewObject())
			return err
		},
		"helper looping over an array-like": func(vm *VM) error {
			_, err := vm.Render(context.Background(), helperLoop, jsvalue.NewObject())
			return err
		},
		"required file": func(vm *VM) error {
			_, err := vm.Require(filepath.Join(dir, "loop.js"))
			return err
		},
		"require in try/catch": func(vm *VM) error {
			_, err := vm.Require(filepath.Join(dir, "catching.js"))
			return err
		},
	}
	for _, hook := range []string{"hook.js", "hook-spin.js"} {
		runs[hook] = func(vm *VM) error {
			m, err := vm.Require(filepath.Join(dir, hook))
			if err != nil {
				return err
			}
			_, err = vm.RunHook(m, jsvalue.NewObject(), nil)
			return err
		}
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			vm := NewVM(context.Background(), setup)
			err := run(vm)
			var te *TimeoutError
			if !errors.As(err, &te) || te.Limit != 100*time.Millisecond {
				t.Fatalf("err = %v, want a TimeoutError of 100ms", err)
			}
			if !strings.Contains(err.Error(), "time limit of 100ms") {
				t.Errorf("error %q does not name the limit", err)
			}
			// A template's error points at the template line that looped,
			// not at the generated code.
			if name == "template" && !strings.HasPrefix(err.Error(), "line 2: ") {
				t.Errorf("error %q does not start with the template line", err)
			}
			// The VM is usable afterwards: no interrupt is left pending.
			if _, err := vm.Render(context.Background(), mustCompile(t, &c, "ok"), jsvalue.NewObject()); err != nil {
				t.Errorf("render after the timeout: %v", err)
			}
		})
	}
}

// Cancelling the run's context stops a hook, as SIGINT or a client that
// went away does.
func TestRunawayHookStopsOnCancel(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"hook.js": "module.exports = { params: () => { for (;;) {} } }"})
	ctx, cancel := context.WithCancel(context.Background())
	vm := NewVM(ctx, Setup{Cwd: dir})
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err = vm.RunHook(m, jsvalue.NewObject(), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// Unbounded recursion ends with a RangeError at the call-depth limit,
// without the memory of an unbounded stack.
func TestRecursionStopsAtDepthLimit(t *testing.T) {
	var c Cache
	tmpl := mustCompile(t, &c, "first\n<% function f(n) { return f(n + 1) + 1 } %>\n<%= f(0) %>")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), tmpl, jsvalue.NewObject())
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrCallStack) || !strings.Contains(err.Error(), "call depth limit is 10000") {
		t.Fatalf("err = %v, want the call stack error naming the limit", err)
	}
	// Where: the template line of the recursion, not the generated code's.
	if !strings.HasPrefix(err.Error(), "line 2: ") || !strings.Contains(err.Error(), "in f()") || strings.Contains(err.Error(), "<eval>") {
		t.Errorf("err = %v, want it at line 2 in f()", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("recursion allocated %d MB before stopping", grew>>20)
	}
	// In a module, the file and its line.
	dir := testfs.Tree(t, map[string]string{"rec.js": "// recursion\nfunction g() { return g() + 1 }\nmodule.exports = g()"})
	if _, err := NewVM(context.Background(), Setup{Cwd: dir}).Require(filepath.Join(dir, "rec.js")); !errors.Is(err, ErrCallStack) ||
		!strings.Contains(err.Error(), "in g() at rec.js:2") {
		t.Errorf("err = %v, want the call stack error in g() at rec.js:2", err)
	}
	// Recursion that fits stays allowed.
	ok := mustCompile(t, &c, "<% function f(n) { return n ? f(n - 1) + 1 : 0 } %><%= f(5000) %>")
	if out, err := NewVM(context.Background(), Setup{Cwd: "/"}).Render(context.Background(), ok, jsvalue.NewObject()); err != nil || out != "5000" {
		t.Errorf("depth 5000: %q, %v", out, err)
	}
}

func mustCompile(t *testing.T, c *Cache, text string) *Template {
	t.Helper()
	tmpl, err := c.Compile(text, ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// A call its time limit stopped but that runs on inside a built-in is
// reported to Limits.Stuck stuckGrace later, and what Stuck returned is
// called once the call ends; a call that a cancellation stopped is not
// reported, and the time a question waits for its answer does not count
// against the limit at all.
func TestStuckCallsAreReported(t *testing.T) {
	defer func(g time.Duration) { stuckGrace = g }(stuckGrace)
	stuckGrace = 100 * time.Millisecond
	// About two seconds of a sparse array's indexes on this machine, in one
	// instruction.
	const builtin = "module.exports = { params: () => ({ i: new Array(2 ** 24).indexOf(1) }) }"
	tests := []struct {
		name      string
		hook      string
		timeout   time.Duration
		cancel    bool
		ask       Asker
		wantStuck bool
	}{
		{"time limit", builtin, 50 * time.Millisecond, false, nil, true},
		{"cancelled", builtin, time.Hour, true, nil, false},
		{"waiting for an answer", "module.exports = [{ type: 'input', name: 'a', message: 'a?' }]", 50 * time.Millisecond, false,
			func(Question) (any, error) { time.Sleep(500 * time.Millisecond); return "x", nil }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"hook.js": tt.hook})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var stuck, ended atomic.Int32
			vm := NewVM(ctx, Setup{Cwd: dir, Limits: Limits{Timeout: tt.timeout, Stuck: func(err error) func() {
				var se *StuckError
				if !errors.As(err, &se) {
					t.Errorf("Stuck got %v, want a *StuckError", err)
				}
				stuck.Add(1)
				return func() { ended.Add(1) }
			}}})
			m, err := vm.Require(filepath.Join(dir, "hook.js"))
			if err != nil {
				t.Fatal(err)
			}
			if tt.cancel {
				time.AfterFunc(50*time.Millisecond, cancel)
			}
			if _, err := vm.RunHook(m, jsvalue.NewObject(), tt.ask); (err == nil) != (tt.ask != nil) {
				t.Errorf("err = %v", err)
			}
			if got := stuck.Load() == 1; got != tt.wantStuck {
				t.Errorf("reported stuck %d times, want %v", stuck.Load(), tt.wantStuck)
			}
			if ended.Load() != stuck.Load() {
				t.Errorf("ended %d times for %d reports", ended.Load(), stuck.Load())
			}
		})
	}
}
