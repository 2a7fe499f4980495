package jsrt

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

func runHook(t *testing.T, src string, ask Asker) (*jsvalue.Object, error) {
	t.Helper()
	dir := testfs.Tree(t, map[string]string{
		"hook.js":      src,
		"lib/util.js":  "exports.twice = (s) => s + s",
		"data.json":    `{"v": 7}`,
		"bom.json":     "\ufeff{\"bom\": true}",
		"lib/bin.js":   "#!/usr/bin/env node\nexports.line = new Error().stack.match(/bin.js:(\\d+)/)[1]",
		"lib/count.js": "globalThis.loads = (globalThis.loads || 0) + 1; module.exports = globalThis.loads",
		"lib/cache.js": "module.exports = require.cache",
		"notes.txt":    "read me",
		"x.ts":         "export const a: number = 1",
	})
	vm := NewVM(context.Background(), Setup{Cwd: dir})
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil {
		return nil, err
	}
	args := jsvalue.NewObject()
	args.Set("name", "x")
	return vm.RunHook(m, args, ask)
}

// The hook, a package's bin script and a JSON file with a byte order
// mark load as in Node: a hashbang line is a comment, the mark is dropped.
func TestRequire(t *testing.T) {
	got, err := runHook(t, `#!/usr/bin/env node
const path = require('node:path'), fs = require('fs'), util = require('./lib/util')
module.exports = { params: ({ args }) => ({
	joined: path.join('a', args.name), twice: util.twice(args.name), json: require('./data.json').v,
	text: fs.readFileSync('notes.txt', 'utf8'), exists: fs.existsSync('nope'),
	bom: require('./bom.json').bom, binLine: require('./lib/bin').line,
}) }`, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"joined": "a/x", "twice": "xx", "json": 7.0, "text": "read me", "exists": false, "bom": true, "binLine": "2"} {
		if v, _ := got.Get(k); v != want {
			t.Errorf("%s = %#v, want %#v", k, v, want)
		}
	}
}

func TestRequireRefusals(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"npm package", `require('lodash')`, `package "lodash" is not installed in a node_modules folder above`},
		{"node built-in", `require('http')`, `needs Node's "http" module, which is not available in hypergen`},
		{"process.exit", `process.exit(0)`, `process.exit(0) is not available in hypergen: it would end hypergen itself`},
		{"fs write", `module.exports = { params: () => require('fs').writeFileSync('x', 'y') }`, "fs.writeFileSync is not available in hypergen: hooks may only read files"},
		{"missing file", `require('./nope')`, "Cannot find module './nope'\nRequire stack:\n- "},
		{"typescript", `require('./x.ts')`, "TypeScript hook files are not available"},
		{"pending promise", `module.exports = { params: () => new Promise(() => {}) }`, "never settled"},
		{"rejected promise", `module.exports = { params: async () => { throw new Error('nope') } }`, "Error: nope"},
		// Node ends the process at the end of the turn that left the
		// rejection unhandled, before the timer.
		{"rejection handled only after a timer", `module.exports = { params: async () => { const p = Promise.reject(new Error('late'));
			await new Promise((r) => setTimeout(r)); p.catch(() => {}); return {} } }`, "a promise was rejected and nothing handled it: Error: late"},
		{"not a hook", `module.exports = { other: 1 }`, "neither params(), prompt() nor an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runHook(t, tt.src, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPromptQuestions(t *testing.T) {
	var asked []Question
	ask := func(q Question) (any, error) {
		asked = append(asked, q)
		if q.Validate != nil {
			if msg := q.Validate("bad"); msg != "must be short" {
				t.Errorf("validate(bad) = %q", msg)
			}
		}
		return "ok", nil
	}
	got, err := runHook(t, `module.exports = [
		{ type: 'input', name: 'name', message: 'Name?' },
		{ type: 'select', name: 'kind', message: 'Kind?', choices: ['a', { name: 'b' }], initial: 1,
		  validate: (v) => v === 'bad' ? 'must be short' : true, result: (v) => v.toUpperCase() },
	]`, ask)
	if err != nil {
		t.Fatal(err)
	}
	// name is given, so only kind is asked.
	if len(asked) != 1 || asked[0].Name != "kind" || asked[0].Type != "select" ||
		strings.Join(asked[0].Choices, ",") != "a,b" || asked[0].Initial != 1.0 {
		t.Fatalf("asked %+v", asked)
	}
	if v, _ := got.Get("kind"); v != "OK" {
		t.Errorf("kind = %v, want the result() of the answer", v)
	}
}

// A package found in no node_modules folder above the hook is looked for
// in NODE_PATH's folders, as Node's require does (their output: Node
// 20.20.2 on the same tree). It was MODULE_NOT_FOUND, though
// module.globalPaths listed them.
func TestRequireFromNodePath(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{
		"lib/mypkg/index.js":     "module.exports = 'from NODE_PATH'",
		"lib/@sc/p/package.json": `{"name":"@sc/p","exports":{".":"./main.js","./sub":"./s.js"}}`,
		"lib/@sc/p/main.js":      "module.exports = 'scoped main'",
		"lib/@sc/p/s.js":         "module.exports = 'scoped sub'",
		"proj/hook.js": `module.exports = { params: () => { const out = [require('mypkg'), require('@sc/p'), require('@sc/p/sub')];
			try { require('nope-pkg') } catch (e) { out.push(e.code) }
			return { v: out.join(' | '), at: require.resolve('mypkg') } } }`,
	})
	lib := filepath.Join(dir, "lib")
	vm := NewVM(context.Background(), Setup{Cwd: filepath.Join(dir, "proj"),
		Env: func() []string { return []string{"NODE_PATH=" + filepath.Join(dir, "nothing") + ":" + lib} }})
	m, err := vm.Require(filepath.Join(dir, "proj", "hook.js"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := vm.RunHook(m, jsvalue.NewObject(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "from NODE_PATH | scoped main | scoped sub | MODULE_NOT_FOUND" {
		t.Errorf("v = %q", v)
	}
	if at, _ := got.Get("at"); at != filepath.Join(lib, "mypkg", "index.js") {
		t.Errorf("require.resolve = %q", at)
	}
}

// A list question's separator (a string or a RegExp) splits as JavaScript
// splits, and a numeral with float: false or round: true rounds: enquirer's
// options, which the questions lost on the way to the asker.
func TestQuestionOptionsReachTheAsker(t *testing.T) {
	var asked []Question
	ask := func(q Question) (any, error) { asked = append(asked, q); return "", nil }
	if _, err := runHook(t, `module.exports = [
		{ type: 'list', name: 'a', message: 'A?', separator: '|' },
		{ type: 'list', name: 'b', message: 'B?', separator: /;\s*/ },
		{ type: 'list', name: 'c', message: 'C?' },
		{ type: 'numeral', name: 'd', message: 'D?', float: false },
		{ type: 'numeral', name: 'e', message: 'E?', round: true },
		{ type: 'numeral', name: 'f', message: 'F?', float: true },
	]`, ask); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 6 {
		t.Fatalf("asked %d questions, want 6", len(asked))
	}
	if asked[0].Separator == nil || asked[1].Separator == nil || asked[2].Separator != nil {
		t.Fatalf("separators: %v %v %v", asked[0].Separator != nil, asked[1].Separator != nil, asked[2].Separator != nil)
	}
	if got := fmt.Sprintf("%q %q", asked[0].Separator("x|y,z"), asked[1].Separator("x;  y;z")); got != `["x" "y,z"] ["x" "y" "z"]` {
		t.Errorf("split: %s", got)
	}
	if !asked[3].Round || !asked[4].Round || asked[5].Round {
		t.Errorf("round: %v %v %v, want true true false", asked[3].Round, asked[4].Round, asked[5].Round)
	}
}

// require.cache works as Node's: a module deleted from it is loaded again,
// an entry put in its place gives its exports, and every module's require
// shares it (Node 20.20.2 gives "1,1,2,swapped,object,true").
func TestRequireCacheAsNode(t *testing.T) {
	got, err := runHook(t, `
const p = require.resolve('./lib/count'); const a = require('./lib/count'); const b = require('./lib/count');
delete require.cache[p]; const c = require('./lib/count');
require.cache[p] = { exports: 'swapped' }; const d = require('./lib/count');
module.exports = { params: () => ({ v: [a, b, c, d, typeof require.cache[p], require('./lib/cache') === require.cache].join() }) }`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "1,1,2,swapped,object,true" {
		t.Errorf("v = %q", v)
	}
}
