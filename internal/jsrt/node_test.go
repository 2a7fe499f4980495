package jsrt

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/hypergen-dev/hypergen/internal/ejs"
	"github.com/hypergen-dev/hypergen/internal/jsvalue"
	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// evalHook runs a hook file written in files["hook.js"] (or hook.mjs) with
// these run options and returns its params() answers.
func evalHook(t *testing.T, files map[string]string, run RunOptions) (*jsvalue.Object, error) {
	t.Helper()
	dir := testfs.Tree(t, files)
	vm := NewVM(context.Background(), Setup{Cwd: dir, Run: run, Env: func() []string { return []string{"PATH=/usr/bin"} }})
	hook := filepath.Join(dir, "hook.js")
	if _, ok := files["hook.mjs"]; ok {
		hook = filepath.Join(dir, "hook.mjs")
	}
	m, err := vm.Require(hook)
	if err != nil {
		return nil, err
	}
	return vm.RunHook(m, jsvalue.NewObject(), nil)
}

func TestNodeSurface(t *testing.T) {
	exe, _ := os.Executable()
	tests := []struct {
		name, src string
		want      string // what params() returns as `v`
	}{
		{"argv", `({ v: JSON.stringify(process.argv.slice(2)) + (process.argv[0] === process.argv[1]) })`, `["cfg","new","--name","x"]true`},
		{"argv0 is the executable", `({ v: process.argv[1] === process.execPath })`, "true"},
		{"cwd and platform", `({ v: [process.cwd() === __dirname, process.platform].join() })`, "true,linux"},
		{"env", `({ v: typeof process.env.PATH })`, "string"},
		{"Buffer search", `{ const b = Buffer.from('export * from "./a"\nexport const x = 1\n');
			({ v: [b.includes('export * from'), b.indexOf('export', 1), b.lastIndexOf('o'), b.indexOf(Buffer.from('from')), b.indexOf(0x65),
				b.lastIndexOf('export', -30), b.indexOf('', 100), b.includes('nope')].join() }) }`, "true,20,28,9,0,0,39,false"},
		{"Buffer slice, fill, copy, compare", `{ const b = Buffer.from('abcdef'); const s = b.slice(1, 3); s[0] = 0x42;
			const t = Buffer.alloc(4); const n = b.copy(t, 1, 0, 10);
			({ v: [b.toString(), Buffer.isBuffer(s), Buffer.alloc(5).fill('ab').toString(), n, t.toString('hex'),
				[Buffer.from('b'), Buffer.from('a')].sort(Buffer.compare).join(''), Buffer.from('abc').compare(Buffer.from('abd'))].join() }) }`,
			"aBcdef,true,ababa,3,00614263,ab,-1"},
		{"Buffer fill from itself, search of megabytes", `{ const c = Buffer.from('abcdef'); c.fill(c.subarray(1, 3), 0); const big = Buffer.alloc(4e6, 'a');
			({ v: [c.toString(), big.indexOf('ab'), big.lastIndexOf('a'), big.includes(Buffer.alloc(3000, 'a'), 10)].join() }) }`, "bcbcbc,-1,3999999,true"},
		{"process members", `{ let seen = 0; process.on('x', (n) => { seen += n }); process.emit('x', 2);
			({ v: [typeof process.nextTick, process.hrtime().length, typeof process.hrtime.bigint(), process.uptime() > 0,
				process.memoryUsage().rss > 0, seen, process.listenerCount('x')].join() }) }`, "function,2,bigint,true,true,2,1"},
		{"process.nextTick", `module.exports = { params: async () => { const seen = []; process.nextTick((a) => seen.push(a), 'tick'); await null; return { v: seen.join() } } }`, "tick"},
		{"timers without delay", `module.exports = { params: async () => { const order = [];
			setImmediate((a) => order.push('imm' + a), 1); setTimeout(() => order.push('t0')); const c = setTimeout(() => order.push('cleared'), 0); clearTimeout(c);
			await new Promise((r) => setImmediate(r)); let refused; try { setTimeout(() => {}, 50) } catch (e) { refused = /not available in hypergen/.test(e.message) }
			return { v: [order.join('+'), refused, typeof setInterval, await require('timers/promises').setImmediate('v')].join() } } }`, "imm1+t0,true,function,v"},
		// Node 20: every promise callback runs before a timer, and a timer's
		// own promise callbacks before the next timer.
		{"timers after promise callbacks", `module.exports = { params: async () => { const o = [];
			setTimeout(() => o.push('timeout')); Promise.resolve().then(() => o.push('promise'));
			(async () => { for (let i = 0; i < 3; i++) { await null; o.push('i' + i) } })();
			setTimeout(() => { o.push('t1'); Promise.resolve().then(() => o.push('p-from-t1')) }); setTimeout(() => o.push('t2'));
			await new Promise((r) => setTimeout(r)); return { v: o.join('+') } } }`, "promise+i0+i1+i2+timeout+t1+p-from-t1+t2"},
		// Node 20.20.2's values: the first value past the error, a function's
		// own promise form (fs.exists's, setImmediate's), callbackify, and
		// randomBytes with a callback; os reads HOME and TMPDIR as the hook
		// set them.
		{"promisify, callbackify, callbacks", `module.exports = { params: async () => { const u = require('util'), fs = require('fs'), os = require('os'), r = [];
			r.push(await u.promisify((cb) => cb(null, 1, 2))(), u.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
			const f = function (cb) {}; f[u.promisify.custom] = () => Promise.resolve('custom'); r.push(await u.promisify(f)());
			r.push(await u.promisify(fs.exists)('nope'), await u.promisify(setImmediate)('imm'));
			await new Promise((res) => u.callbackify(async (x) => x * 2)(21, (e, v) => { r.push(e, v); res() }));
			await new Promise((res) => u.callbackify(async () => { throw null })((e) => { r.push(e.code, e.reason); res() }));
			await new Promise((res) => { r.push(require('crypto').randomBytes(4, (e, b) => { r.push(e, b.length); res() })) });
			process.env.TMPDIR = '/x/y/'; process.env.HOME = '/h'; r.push(os.tmpdir(), os.homedir());
			return { v: r.map(String).join() } } }`, "1,true,custom,false,imm,null,42,ERR_FALSY_VALUE_REJECTION,null,undefined,null,4,/x/y,/h"},
		// Node 20.20.2's values.
		{"EventEmitter removeListener event and statics", `{ const E = require('events'), e = new E(), log = [];
			e.on('removeListener', (t, f) => log.push('rm:' + String(t) + ':' + (['a', 'b', 'c'].includes(f.name) ? f.name : 'wrapper')));
			function a() {} function b() {} function c() {}
			e.on('x', a); e.once('x', b); e.on('y', c); e.on('x', a); e.once('w', b);
			e.off('x', a); log.push(e.listenerCount('x'), E.listenerCount(e, 'x'));
			e.removeAllListeners('x'); e.on('z', c); e.emit('w'); e.removeAllListeners(); log.push(e.eventNames().length);
			const m = new E(); m.on(E.errorMonitor, (er) => log.push('mon:' + er));
			try { m.emit('error', 'str') } catch (er) { log.push(er.code, er.message, er.context) }
			log.push(typeof E.errorMonitor, E.captureRejections, E.getEventListeners(e, 'q').length);
			({ v: log.join() }) }`, "rm:x:a,2,2,rm:x:wrapper,rm:x:a,rm:w:b,rm:y:c,rm:z:c,0,mon:str,ERR_UNHANDLED_ERROR,Unhandled error. ('str'),str,symbol,false,0"},
		// Node 20.20.2's values.
		{"TextDecoder stream, BOM and fatal, encodeInto", `{ const r = [], td = new TextDecoder(), bom = new Uint8Array([0xEF, 0xBB, 0xBF, 0x41]);
			r.push(td.decode(bom).length, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom).length);
			const eur = Buffer.from('€'), s = new TextDecoder(); r.push(s.decode(eur.subarray(0, 1), { stream: true }) + '|' + s.decode(eur.subarray(1), { stream: true }) + '|' + s.decode());
			try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xe2, 0x82])) } catch (e) { r.push(e.name, e.code) }
			r.push(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0x41, 0xff, 0xf0, 0x9f, 0x98]))), td.fatal, td.ignoreBOM);
			const dest = new Uint8Array(5); r.push(JSON.stringify(new TextEncoder().encodeInto('a€b😀', dest)), dest.join('.'));
			({ v: r.join(' ') }) }`, "1 2 |€| TypeError ERR_ENCODING_INVALID_ENCODED_DATA \"\ufffdA\ufffd\ufffd\" false false {\"read\":3,\"written\":5} 97.226.130.172.98"},
		// Node 20.20.2's fields and methods.
		{"fs.Stats and fs.Dirent", `{ const fs = require('fs'), s = fs.statSync(__filename), d = fs.readdirSync(__dirname, { withFileTypes: true })[0];
			({ v: [Object.keys(s).join(' '), s.isFile(), s.isDirectory(), typeof fs.Stats.prototype.isFile, Object.keys(d).join(' '),
				typeof fs.Dirent.prototype.isDirectory, d.isFile() !== d.isDirectory(), s.dev > 0, s.blksize > 0].join() }) }`,
			"dev mode nlink uid gid rdev blksize ino size blocks atimeMs mtimeMs ctimeMs birthtimeMs atime mtime ctime birthtime,true,false,function,name parentPath path,function,true,true,true"},
		// Node 20.20.2's values: a built-in's name is its own, and name and
		// length are neither enumerable nor copied by Object.assign.
		{"built-in function names", `{ const p = require('path'), fs = require('fs');
			({ v: [JSON.stringify(Object.getOwnPropertyDescriptor(p.join, 'name')), Object.keys(p.join).length, Object.keys(console.log).length,
				fs.readFileSync.name, fs.existsSync.name, require('child_process').execSync.name, require('crypto').createHash.name,
				Object.getOwnPropertyDescriptor(JSON, 'parse').enumerable, Object.getOwnPropertyDescriptor(Error, 'captureStackTrace').enumerable,
				typeof Object.assign(function wrapper() {}, p.join)].join() }) }`,
			`{"value":"join","writable":false,"enumerable":false,"configurable":true},0,0,readFileSync,existsSync,execSync,createHash,false,false,function`},
		// Node 20.20.2's values: loose deepEqual compares primitives with ==
		// and never an object with a primitive.
		{"assert.deepEqual objects and primitives", `{ const a = require('assert'), r = [];
			for (const [x, y] of [[new Number(1), 1], [new String('a'), 'a'], [[], ''], [{ valueOf() { return 1 } }, 1], [1, '1'], [null, undefined],
				[NaN, NaN], [0, -0], [[1], ['1']], [{ a: 1 }, { a: '1' }], [null, {}]]) { try { a.deepEqual(x, y); r.push('eq') } catch (e) { r.push('ne') } }
			({ v: r.join() }) }`, "ne,ne,ne,ne,eq,eq,eq,eq,eq,eq,ne"},
		// Node 20.20.2's values.
		{"util.format without arguments, formatWithOptions, _extend", `{ const u = require('util'), shallow = { depth: 0 }, deep = { a: { b: { c: 1 } } }, t = { a: 1 };
			({ v: JSON.stringify([u.format('%%'), u.format('%% %s', 'x'), u.format('%% %s'), u.format(undefined), u.formatWithOptions(shallow, deep),
				u.stripVTControlCharacters('\x1b[31mred\x1b[0m'), u._extend(t, deep.a), u.isBuffer(Buffer.from('x')), u.toUSVString('a\ud800b')]) }) }`,
			`["%%","% x","%% %s","undefined","{ a: [Object] }","red",{"a":1,"b":{"c":1}},true,"a�b"]`},
		{"the util types, sys and console modules", `({ v: [typeof require('util/types').isDate, require('util/types') === require('util').types,
			require('sys') === require('util'), require('node:console') === console].join() })`, "function,true,true,true"},
		{"util.debuglog and ChildProcess", `({ v: [require('util').debuglog('x').enabled, typeof require('child_process').ChildProcess,
			new (require('child_process').ChildProcess)() instanceof require('events')].join() })`, "false,function,true"},
		{"stdio is no terminal", `({ v: [process.stdout.isTTY, process.stdin.isTTY, process.stdout.fd, process.stdin.fd, typeof process.stdin.on].join() })`, ",,1,0,function"},
		{"process.chdir refused", `{ let m; try { process.chdir('/') } catch (e) { m = e.message } ({ v: /not available in hypergen/.test(m) }) }`, "true"},
		{"util and captureStackTrace", `{ const util = require('util');
			class E extends Error { constructor() { super('boom'); this.name = 'E'; Error.captureStackTrace(this, E) } }
			({ v: [util.getSystemErrorName(-2), util.types.isAsyncFunction(async () => 1), util.isString(''), new E().stack.split('\n')[0]].join() }) }`,
			"ENOENT,true,true,E: boom"},
		// Node 20.20.2's values: V8's form, four spaces and no program
		// counter; the limit V8 cuts at; a name set after super() heads it.
		{"stack in V8's form", `{ function inner() { return new Error('m') } class E extends Error { constructor(m) { super(m); this.name = 'E' } }
			const lines = inner().stack.split('\n'), limit = Error.stackTraceLimit; Error.stackTraceLimit = 0; const none = new E('x').stack; Error.stackTraceLimit = limit;
			({ v: [lines[0], /^    at inner \(\/.*hook\.js:1:\d+\)$/.test(lines[1]), limit, none, TypeError('t').stack.split('\n')[1].includes(' (' + __filename + ':3:')].join() }) }`,
			"Error: m,true,10,E: x,true"},
		{"prepareStackTrace call sites", `{ const prep = Error.prepareStackTrace; Error.prepareStackTrace = (e, sites) => sites;
			function here() { return new Error().stack } const s = here(); Error.prepareStackTrace = prep;
			({ v: [Array.isArray(s), s[0].getFileName() === __filename, s[0].getLineNumber(), s[0].getFunctionName(), typeof s[0].getColumnNumber(), s[0].isNative(),
				String(s[0]).startsWith('here (' + __filename + ':2:'), new Error('p').stack.split('\n')[0], typeof prep].join() }) }`,
			"true,true,2,here,number,false,true,Error: p,function"},
		{"captureStackTrace through a function", `{ function hide() { const o = {}; Error.captureStackTrace(o, hide); return o } function show() { const o = { message: 'm' }; Error.captureStackTrace(o); return o }
			class C extends Error { constructor() { super('c'); Error.captureStackTrace(this, C) } } function make() { return new C() } const bare = {};
			({ v: [hide().stack.split('\n')[1].includes('hide'), show().stack.split('\n').slice(0, 2).join('|').replace(__filename, 'F').replace(/:\d+\)/, ')'),
				make().stack.split('\n')[1].trim().startsWith('at make ('), Error.captureStackTrace(bare, function absent() {}) === undefined, bare.stack].join() }) }`,
			"false,Error: m|    at show (F:1),true,true,Error"},
		{"structuredClone of a Buffer", `{ const c = structuredClone(Buffer.from('ab'));
			({ v: [c.constructor.name, c.length, Buffer.isBuffer(c), c[1]].join() }) }`, "Uint8Array,2,false,98"},
		// Node 20.20.2's values.
		{"deprecated Buffer constructor", `{ const a = new Buffer(3), b = Buffer(2), c = new Buffer('hi'), d = new Buffer([1, 2]), e = new Buffer('aGk=', 'base64');
			let code; try { Buffer(3, 'utf8') } catch (x) { code = x.code }
			({ v: [a.toString('hex'), b.toString('hex'), c.toString(), d[1], e.toString(), a instanceof Buffer, a.constructor === Buffer, Buffer.name, code].join() }) }`,
			"000000,0000,hi,2,hi,true,true,Buffer,ERR_INVALID_ARG_TYPE"},
		{"RegExp source", `({ v: [new RegExp('^/api(/|$)').source, String(new RegExp('a/b', 'g')), new RegExp('[/]').source, /x\/y/.source,
			new RegExp('a/b') instanceof RegExp, /z/.constructor === RegExp, require('util').inspect(new RegExp('c/d'))].join(' ') })`,
			`^\/api(\/|$) /a\/b/g [/] x\/y true true /c\/d/`},
		{"negative rounding", `({ v: [(-9.96).toPrecision(2), (-1e-7).toExponential(2), (-99.99).toPrecision(3), new Number(-9.96).toPrecision(2),
			(-0).toPrecision(2), (-3).toExponential(1), Number.prototype.toPrecision.name].join() })`, "-10,-1.00e-7,-100,-10,0.0,-3.0e+0,toPrecision"},
		{"negative fraction in a radix", `({ v: [(-0.5).toString(2), (-0.25).toString(16), (-1.5).toString(2), (-0).toString(2), (-Infinity).toString(16), new Number(-0.5).toString(2),
			(-255).toString(16), (-0.5).toString(), Number.prototype.toString.name, Number.prototype.toString.length, Number.prototype.toString.call(-0.75, 4)].join() })`,
			"-0.1,-0.4,-1.1,0,-Infinity,-0.1,-ff,-0.5,toString,1,-0.3"},
		{"readFileSync encodings buffer.js adds", `{ const fs = require('fs');
			({ v: [fs.readFileSync('notes.txt', 'latin1'), fs.readFileSync('notes.txt', { encoding: 'base64url' }), typeof fs.readFileSync('notes.txt', 'ucs2'),
				fs.existsSync('notes.txt/'), fs.existsSync('lib/'), typeof fs.exists].join() }) }`, "read me,cmVhZCBtZQ,string,false,true,function"},
		{"fs takes file URLs", `{ const fs = require('fs'); const { URL, pathToFileURL } = require('url'); const u = pathToFileURL('notes.txt');
			let scheme; try { fs.readFileSync(new URL('https://x.dev/a')) } catch (e) { scheme = e.code }
			({ v: [fs.existsSync(u), fs.readFileSync(u, 'utf8'), fs.statSync(u).size, scheme, URL.name].join() }) }`, "true,read me,7,ERR_INVALID_URL_SCHEME,URL"},
		{"env takes strings", `{ process.env.PORT = 3000; process.env.U = undefined;
			({ v: [process.env.PORT + 1, typeof process.env.U, 'U' in process.env, delete process.env.U, 'U' in process.env].join() }) }`, "30001,string,true,true,false"},
		{"global", `({ v: global === globalThis })`, "true"},
		{"dirents", `({ v: require('fs').readdirSync('.', { withFileTypes: true })
			.map((d) => d.name + ':' + (d.isDirectory() ? 'dir' : d.isFile() ? 'file' : '?')).join() })`, "hook.js:file,lib:dir,notes.txt:file"},
		{"readdir names", `({ v: require('fs').readdirSync('lib').join() })`, "a.js"},
		{"fs classes", `{ const fs = require('fs'); ({ v: [fs.statSync('notes.txt') instanceof fs.Stats, fs.readdirSync('.', { withFileTypes: true })[0] instanceof fs.Dirent].join() }) }`, "true,true"},
		{"readdir recursive", `{ const fs = require('fs');
			({ v: fs.readdirSync('.', { recursive: true }).join() + '|' + fs.readdirSync('.', { recursive: true, withFileTypes: true })
				.map((d) => d.parentPath + '/' + d.name).join() }) }`, "hook.js,lib,notes.txt,lib/a.js|./hook.js,./lib,./notes.txt,lib/a.js"},
		{"stat", `{ const fs = require('fs'); const s = fs.statSync('notes.txt');
			({ v: [s.isFile(), s.isDirectory(), s.size, fs.lstatSync('lib').isDirectory(), s.mtime instanceof Date].join() }) }`, "true,false,7,true,true"},
		{"stat missing", `{ const fs = require('fs'); let code; try { fs.statSync('nope') } catch (e) { code = e.code + ' ' + e.message }
			({ v: code + ' ' + fs.statSync('nope', { throwIfNoEntry: false }) }) }`, "ENOENT ENOENT: no such file or directory, stat '"},
		{"readFileSync buffer", `{ const b = require('fs').readFileSync('notes.txt');
			({ v: [Buffer.isBuffer(b), b.length, b.toString(), b.toString('hex').slice(0, 4), String(b)].join() }) }`, "true,7,read me,7265,read me"},
		{"readFileSync encodings", `{ const fs = require('fs');
			({ v: fs.readFileSync('notes.txt', 'utf8') + '|' + fs.readFileSync('notes.txt', { encoding: 'base64' }) }) }`, "read me|cmVhZCBtZQ=="},
		{"fs.promises", `module.exports = { params: async () => ({ v: await require('fs/promises').readFile('notes.txt', 'utf8') }) }`, "read me"},
		{"existsSync", `({ v: [require('fs').existsSync('lib'), require('node:fs').existsSync('zz')].join() })`, "true,false"},
		{"os", `{ const os = require('os'); ({ v: [os.EOL === '\n', os.platform(), typeof os.homedir(), os.type()].join() }) }`, "true,linux,string,Linux"},
		{"util.format", `({ v: require('util').format('%s=%d %j %i', 'a', 4.5, { x: 1 }, '42.9', 'rest', [1]) })`, `a=4.5 {"x":1} 42 rest [ 1 ]`},
		{"util.inspect", `({ v: require('util').inspect({ a: 1, 'b-c': 'x', n: { m: { k: { deep: 1 } } }, f() {}, arr: [1, 'two'] }) })`,
			"{\n  a: 1,\n  'b-c': 'x',\n  n: { m: { k: [Object] } },\n  f: [Function: f],\n  arr: [ 1, 'two' ]\n}"},
		// Node 20.20.2's output for the same calls, node run by hand here.
		{"util.parseArgs", `{ const { parseArgs } = require('util');
			const options = { file: { type: 'string', short: 'f' }, verbose: { type: 'boolean', short: 'v', multiple: true }, tag: { type: 'string', multiple: true, default: ['none'] } };
			const r = parseArgs({ args: ['-vvfout.txt', '--tag=a', 'src', '--', '-x'], options, allowPositionals: true, tokens: true });
			const codes = [['--file'], ['-x'], ['-v=1'], ['pos'], ['--file', '-v']].map((args) => { try { parseArgs({ args, options }); return 'ok' } catch (e) { return e.code + ': ' + e.message.split('\n')[0] } });
			const loose = parseArgs({ options, strict: false, args: ['-ab', '--n=3'] }).values;
			({ v: JSON.stringify([r.values, r.positionals, r.tokens.map((t) => t.kind[0] + t.index + (t.rawName || '') + (t.inlineValue ? '=' : '')),
				Object.getPrototypeOf(r.values), loose]) + '\n' + codes.join('\n') }) }`,
			`[{"verbose":[true,true],"file":"out.txt","tag":["a"]},["src","-x"],["o0-v","o0-v","o0-f=","o1--tag=","p2","o3","p4"],null,{"a":true,"b":true,"n":"3","tag":["none"]}]
ERR_PARSE_ARGS_INVALID_OPTION_VALUE: Option '-f, --file <value>' argument missing
ERR_PARSE_ARGS_UNKNOWN_OPTION: Unknown option '-x'
ERR_PARSE_ARGS_UNKNOWN_OPTION: Unknown option '-='
ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: Unexpected argument 'pos'. This command does not take positional arguments
ERR_PARSE_ARGS_INVALID_OPTION_VALUE: Option '--file' argument is ambiguous.`},
		{"util.parseArgs and __proto__", `{ const options = JSON.parse('{"__proto__":{"type":"string","default":"x"}}');
			const r = require('util').parseArgs({ args: ['--__proto__', 'y'], options }); const d = require('util').parseArgs({ args: [], options });
			({ v: JSON.stringify([Object.keys(r.values), Object.keys(d.values), Object.getPrototypeOf(r.values)]) }) }`, `[[],[],null]`},
		{"util.parseArgs of process.argv", `({ v: JSON.stringify(require('util').parseArgs({ strict: false })) })`, `{"values":{"name":true},"positionals":["cfg","new","x"]}`},
		{"util.inspect keys", `({ v: require('util').inspect({ $0: 1, a$: 2, _x: 3, 'é': 4, a1: 5 }) })`, "{ '$0': 1, 'a$': 2, _x: 3, 'é': 4, a1: 5 }"},
		// Object.prototype's legacy accessor methods, which nconf and yargs
		// 16 call as they load (values from node -e).
		{"legacy accessors", `{ const o = {}; o.__defineGetter__('a', function () { return 1 }); o.__defineSetter__('b', function (v) { this.c = v });
			o.b = 5; class A { get z() { return 2 } }
			const errs = []; for (const f of [() => o.__defineGetter__('x', 1), () => Object.prototype.__lookupGetter__.call(null, 'x'),
			  () => { Object.freeze(o); o.__defineGetter__('d', () => 1) }]) { try { f() } catch (e) { errs.push(e.constructor.name + ': ' + e.message) } }
			const r = [o.a, o.c, JSON.stringify(Object.getOwnPropertyDescriptor(o, 'a').enumerable), typeof new A().__lookupGetter__('z'),
			  { x: 1 }.__lookupGetter__('x'), {}.__lookupGetter__('toString'), typeof o.__lookupSetter__('b'),
			  Object.prototype.__defineGetter__.length, Object.prototype.__lookupGetter__.name,
			  Object.prototype.propertyIsEnumerable('__lookupSetter__'), errs.join('; ')].join();
			({ v: r }) }`,
			"1,5,true,function,,,function,2,__lookupGetter__,false,TypeError: Object.prototype.__defineGetter__: Expecting function; " +
				"TypeError: Cannot convert undefined or null to object; TypeError: Cannot define property d, object is not extensible"},
		{"util.inspect options", `{ const { inspect } = require('util'); const list = Array.from({ length: 120 }, (_, i) => i);
			const out = [inspect({ a: { b: { c: { d: 1 } } }, list }, { depth: null, maxArrayLength: 5 }), inspect({ a: { b: { c: { d: 1 } } } }, false, null),
				inspect({ z: 1, a: 2, m: { y: 1, b: 2 } }, { sorted: true }), inspect({ a: 1, b: [1, 2] }, { compact: false }),
				inspect('y'.repeat(20), { maxStringLength: 5 }), inspect(new Map([[1, 2], [3, 4], [5, 6]]), { maxArrayLength: 2 })];
			({ v: out.join('|') }) }`,
			"{\n  a: { b: { c: { d: 1 } } },\n  list: [ 0, 1, 2, 3, 4, ... 115 more items ]\n}|{\n  a: { b: { c: { d: 1 } } }\n}|" +
				"{ a: 2, m: { b: 2, y: 1 }, z: 1 }|{\n  a: 1,\n  b: [\n    1,\n    2\n  ]\n}|'yyyyy'... 15 more characters|Map(3) { 1 => 2, 3 => 4, ... 1 more item }"},
		{"util.inspect refs, promises, boxes, typed arrays, errors", `{ const { inspect } = require('util');
			const node = { id: 1, children: [] }; node.children.push({ id: 2, parent: node });
			class E extends Error { constructor(m) { super(m); this.name = 'E' } }
			const out = [inspect(node), inspect(Promise.resolve(42)), inspect(new Promise(() => {})), inspect([new Number(1), new String('s')]),
				inspect(new Uint8Array([1, 2])), inspect(new WeakMap()), inspect(Object.create({ inherited: 1 })), inspect(new E('m')).split('\n')[0],
				inspect(new E('m')).includes('\t'), inspect(new E('m')).includes("name: 'E'")];
			({ v: out.join('|') }) }`,
			"<ref *1> { id: 1, children: [ { id: 2, parent: [Circular *1] } ] }|Promise { 42 }|Promise { <pending> }|[ [Number: 1], [String: 's'] ]|" +
				"Uint8Array(2) [ 1, 2 ]|WeakMap { <items unknown> }|{}|E: m|false|false"},
		{"util.inspect nested", `({ v: require('util').inspect({ a: { b: { c: {} } } }) + require('util').inspect(null) })`, "{ a: { b: { c: {} } } }null"},
		{"util.inspect string columns", `({ v: require('util').inspect(['apple', 'banana', 'cherry', 'date', 'elder', 'fig', 'grape']) })`,
			"[\n  'apple',  'banana',\n  'cherry', 'date',\n  'elder',  'fig',\n  'grape'\n]"},
		{"util.inspect long", `({ v: require('util').inspect({ alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccc' }) })`,
			"{\n  alpha: 'aaaaaaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccc'\n}"},
		{"util.inspect columns", `({ v: require('util').inspect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) })`, "[\n  1, 2, 3, 4,  5,\n  6, 7, 8, 9, 10\n]"},
		{"util.promisify", `module.exports = { params: async () => ({ v: await require('util').promisify((a, cb) => cb(null, a * 2))(21) }) }`, "42"},
		{"Buffer global", `({ v: Buffer.from('hi').toString('base64') + Buffer.concat([Buffer.from('a'), Buffer.from('b')]) })`, "aGk=ab"},
		{"dirname", `({ v: __filename === require('path').join(__dirname, 'hook.js') })`, "true"},
		{"path.basename suffix", `{ const path = require('path'); let m; try { path.basename('a', 1) } catch (e) { m = e.message.startsWith('The "suffix" argument must be of type string') }
			({ v: [path.basename('a/b.js', undefined), path.basename('/x/foo.js', 'foo.js'), m].join() }) }`, "b.js,foo.js,true"},
		{"url", `{ const u = require('url'); ({ v: u.fileURLToPath(u.pathToFileURL('/a b/c.js').href) + ' ' + new u.URL('https://x.dev/p?q=1').searchParams.get('q') }) }`, "/a b/c.js 1"},
		{"child_process", `{ const cp = require('child_process');
			({ v: [cp.execSync('echo $((6*7))').toString().trim(), cp.execSync('cat', { input: 'in', encoding: 'utf8' }),
			  cp.spawnSync('sh', ['-c', 'exit 3']).status, cp.execFileSync('pwd', { cwd: 'lib' }).toString().trim() === require('path').join(__dirname, 'lib')].join() }) }`, "42,in,3,true"},
		{"url.format and origin", `{ const url = require('url'); const legacy = { protocol: 'http:', host: 'a.dev:81', pathname: 'x', hash: 'h', search: 'q=1' };
			const query = { protocol: 'https', hostname: 'example.com', pathname: '/p', query: { page: 1, f: 'json' } };
			({ v: [url.format(query), url.format(legacy), url.format(new URL('http://a.dev/p?q#h')),
				new URL('http://a.dev:8080/x').origin, new url.URL('file:///x').origin, typeof require('path').toNamespacedPath].join(' ') }) }`,
			"https://example.com/p?page=1&f=json http://a.dev:81/x?q=1#h http://a.dev/p?q#h http://a.dev:8080 null function"},
		// Node 20.20.2's values, from node -e: base64 with white space or
		// a stray character decoded to nothing, and map, filter and
		// subarray threw ("Calling the Buffer constructor with numeric
		// argument is not implemented yet").
		{"Buffer base64 and species", `{ const out = [];
			  out.push(Buffer.from(' aGk=', 'base64').toString(), Buffer.from('a!Gk', 'base64').toString('hex'), Buffer.from('aG\nk=', 'base64').toString());
			  const b = Buffer.from('abc'); const s = b.subarray(1); s[0] = 120;
			  out.push(require('util').inspect(Buffer.from('ab').map((x) => x + 1)), require('util').inspect(b.filter((x) => x > 97)), b.toString(), Buffer.isBuffer(b.map((x) => x)));
			  ({ v: out.join('|') }) }`,
			`hi|6869|hi|<Buffer 62 63>|<Buffer 78 63>|axc|true`},
		// Node 20.20.2's values, from node -e: require.resolve's error had
		// no code (optional packages are tested by it), and node:path
		// resolved to path.
		{"require.resolve as Node's", `{ const out = [];
			  for (const f of [() => require.resolve('nonexistent-xyz'), () => require.resolve('./nope'), () => require.resolve('fs'), () => require.resolve('node:path')]) {
			    try { out.push(f()) } catch (e) { out.push(e.code + ' ' + e.message.split('\n')[0] + ' ' + Array.isArray(e.requireStack)) } }
			  ({ v: out.join('|') }) }`,
			`MODULE_NOT_FOUND Cannot find module 'nonexistent-xyz' true|MODULE_NOT_FOUND Cannot find module './nope' true|fs|node:path`},
		// Node 20.20.2's values, from node -e: console.log ran an object's
		// getters (one that threw failed the hook), digest('base64url')
		// gave a Buffer, update ignored 'latin1', and encodings took one case.
		{"getters unrun, digest and Buffer encodings", `{ const c = require('crypto'); const out = [];
			  let n = 0; const o = { get x() { n++; throw new Error('b') }, y: 1 }; console.log(o); out.push(require('util').format('%o', o), n);
			  out.push(c.createHash('md5').update('a').digest('base64url'), c.createHash('md5').update('\u00e9', 'latin1').digest('hex'),
			    c.createHmac('sha256', 'k').update('x').digest('base64url'), c.createHash('md5').update('a').digest('HEX'), c.createHash('md5').update('a').digest('nope').length,
			    Buffer.from('a').toString('HEX'), Buffer.from('YQ', 'BASE64').length, Buffer.byteLength('YQ==', 'Base64'));
			  ({ v: out.join('|') }) }`,
			`{ x: [Getter], y: 1 }|0|DMF1ucDxtqgxw5niaXcmYQ|3406877694691ddd1dfb0aca54681407|w47ciBXISJ9kc4l49EAI-FljRVRfC6po72_PXFPlcYk|0cc175b9c0f1b6a831c399e269772661|16|61|1|1`},
		// Node 20.20.2's values, from node -e: an empty path named the
		// working folder (statSync('').isDirectory() was true), and util
		// had no TextEncoder or TextDecoder.
		{"empty fs paths, util's text codecs", `{ const fs = require('fs'); const u = require('util'); const out = [];
			  for (const f of [() => fs.statSync(''), () => fs.readdirSync(''), () => fs.readFileSync(''), () => fs.accessSync('')]) {
			    try { f(); out.push('no error') } catch (e) { out.push(e.code + ' ' + e.message + ' ' + JSON.stringify(e.path)) } }
			  out.push(fs.existsSync(''), fs.realpathSync('') === process.cwd(), typeof u.TextEncoder, new u.TextDecoder().decode(new u.TextEncoder().encode('é')), u.TextEncoder === TextEncoder);
			  ({ v: out.join('|') }) }`,
			`ENOENT ENOENT: no such file or directory, stat '' ""|ENOENT ENOENT: no such file or directory, scandir '' ""|ENOENT ENOENT: no such file or directory, open '' ""|ENOENT ENOENT: no such file or directory, access '' ""|false|true|function|é|true`},
		// Node 20.20.2's values, from node -e: util.inspect.custom and
		// defaultOptions were missing, and %s ignored an object's own toString.
		{"util.inspect.custom, defaultOptions and %s", `{ const util = require('util'); const out = [];
			  const o = { [util.inspect.custom]() { return 'CUSTOM' } }; out.push(util.inspect(o), util.inspect([o]), util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
			  out.push(util.inspect({ x: { [util.inspect.custom]: (d, opts, i) => i({ y: d }) } }));
			  class K { toString() { return 'K!' } }
			  out.push(util.format('%s|%s|%s|%s|%s', new K(), { toString() { return 'T' } }, { a: 1 }, -0, [1, 2]));
			  const saved = util.inspect.defaultOptions.depth; util.inspect.defaultOptions.depth = 0; out.push(util.inspect({ a: { b: 1 } }));
			  util.inspect.defaultOptions.depth = saved; out.push(util.inspect({ a: { b: { c: { d: 1 } } } }));
			  ({ v: out.join('|') }) }`,
			`CUSTOM|[ CUSTOM ]|true|{ x: { y: 1 } }|K!|T|{ a: 1 }|-0|[ 1, 2 ]|{ a: [Object] }|{ a: { b: { c: [Object] } } }`},
		// Node 20.20.2's values: bytes that are no UTF-8 are a U+FFFD for each
		// ill-formed part, in URLSearchParams as in querystring (the first
		// made one of two).
		{"percent-decoding no UTF-8", `{ const q = require('querystring');
			({ v: JSON.stringify([new URLSearchParams('a=%FF%FF').get('a'), new URLSearchParams('b=%E2%82x+%zz').get('b'), q.unescape('%FF%FF'), q.unescape('%E2%82x')]) }) }`,
			"[\"\uFFFD\uFFFD\",\"\uFFFDx %zz\",\"\uFFFD\uFFFD\",\"\uFFFDx\"]"},
		// Node 20.20.2's values: lone surrogates, even two in a row, are U+FFFD.
		{"URL text as USVString", `{ const p = new URLSearchParams(); p.append('a\uDC00\uDC00b\uD800', 'x\uD83D\uDE00y');
			({ v: p.toString() + ' ' + new URL('http://h/\uD800').pathname }) }`, "a%EF%BF%BD%EF%BF%BDb%EF%BF%BD=x%F0%9F%98%80y /%EF%BF%BD"},
		// Node 20.20.2's values, from node -e: goja_nodejs's URL dropped a
		// trailing slash, lost the base's folder, left "+" unencoded, gave
		// forEach its arguments backwards and lost the query appended.
		{"WHATWG URL and URLSearchParams", `{ const { URL, URLSearchParams, format } = require('url'); const out = [];
			  out.push(new URL('.', 'file:///a/b/c.js').href, new URL('../x', 'http://a/b/c/d').href, new URL('http://a/b/c/').href);
			  const s = new URLSearchParams({ q: 'c++ a+b', e: "é~!'()*" }).toString(); out.push(s, new URLSearchParams(s).get('q'));
			  new URLSearchParams('x=1&y=2').forEach((v, k) => out.push(k + v));
			  const u = new URL('http://a.com/q?x=1#h'); u.searchParams.append('y', '2'); out.push(u.href);
			  u.search = '?z=1'; out.push(u.searchParams.get('z') + ',' + u.searchParams.get('x'));
			  u.searchParams.delete('z'); out.push(u.href);
			  u.protocol = 'https'; u.host = 'b.org:8443'; u.pathname = '/x y/../z'; u.hash = 'f'; u.username = 'us er'; out.push(u.href, u.origin);
			  out.push(new URL('http://[::1]:3000/').hostname, new URL('blob:https://a.com/id').origin, new URL('file:///x').origin);
			  for (const bad of [() => new URL('not a url'), () => new URL(), () => new URLSearchParams([['a']])]) { try { bad() } catch (e) { out.push(e.code) } }
			  const p = new URLSearchParams('b=2&a=1&b=1&c'); p.sort(); out.push(p.toString(), p.has('b', '1'), p.size);
			  out.push(URL.canParse('x:'), URL.canParse('nope'), new URLSearchParams(null).toString(), format(new URL('http://us:pw@a/b?c#d'), { fragment: false, auth: false }));
			  out.push(require('util').inspect(new URL('https://x.com/a?b=1'), { breakLength: Infinity }), require('util').inspect(new URLSearchParams('a=1&b=%zz')));
			  ({ v: out.join('|') }) }`,
			`file:///a/b/|http://a/b/x|http://a/b/c/|q=c%2B%2B+a%2Bb&e=%C3%A9%7E%21%27%28%29*|c++ a+b|x1|y2|http://a.com/q?x=1&y=2#h|1,null|http://a.com/q#h|https://us%20er@b.org:8443/z#f|https://b.org:8443|[::1]|https://a.com|null|ERR_INVALID_URL|ERR_MISSING_ARGS|ERR_INVALID_TUPLE|a=1&b=2&b=1&c=|true|4|true|false||http://a/b?c|URL { href: 'https://x.com/a?b=1', origin: 'https://x.com', protocol: 'https:', username: '', password: '', host: 'x.com', hostname: 'x.com', port: '', pathname: '/a', search: '?b=1', searchParams: URLSearchParams { 'b' => '1' }, hash: '' }|URLSearchParams { 'a' => '1', 'b' => '%zz' }`},
		{"require.main", `({ v: [typeof require.main, require.main === module, require('path').isAbsolute(require.main.filename), require.main.id].join() })`, "object,false,true,."},
		{"web crypto", `{ const c = require('crypto'); const a = new Uint32Array(2); let err; try { c.getRandomValues(new Float32Array(1)) } catch (e) { err = e.name }
			({ v: [c.getRandomValues(a) === a, typeof crypto.getRandomValues, c.webcrypto.getRandomValues(new Uint8Array(3)).length, c.randomInt(5, 6), err].join() }) }`,
			"true,function,3,5,TypeMismatchError"},
		{"crypto hmac", `({ v: [require('crypto').createHmac('sha256', 'key').update('data').digest('hex'),
			require('crypto').createHash('SHA224').update('x').digest('hex'), require('crypto').timingSafeEqual(Buffer.from('ab'), Buffer.from('ab'))].join() })`,
			"5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0,54a2f7f92a5f975d8096af77a126edda7da60c5aa872ef1b871701ae,true"},
		{"crypto", `{ const c = require('crypto'); const a = new Uint8Array(4); c.randomFillSync(a);
			({ v: [c.createHash('sha256').update('abc').digest('hex').slice(0, 8), c.createHash('md5').update(Buffer.from('a')).digest('base64'),
			  c.randomBytes(3).length, /^[0-9a-f-]{36}$/.test(c.randomUUID()), a.length].join() }) }`, "ba7816bf,DMF1ucDxtqgxw5niaXcmYQ==,3,true,4"},
		{"events", `{ const E = require('events'); class C extends E {}; const e = new C(); const seen = [];
			e.on('x', (a) => seen.push('on' + a)); e.once('x', (a) => seen.push('once' + a)); e.emit('x', 1); e.emit('x', 2);
			({ v: seen.join() + ' ' + e.listenerCount('x') + ' ' + (E.EventEmitter === E) }) }`, "on1,once1,on2 1 true"},
		{"tty", `({ v: require('tty').isatty(1) })`, "false"},
		// Node 20.20.2's values, from node -e.
		{"btoa and atob", `({ v: ['', 'a', 'ab', 'abc', 'abcd', '\xff\x00\x80', 'hello, world'].map((s) => btoa(s) + (atob(btoa(s)) === s)).join(' ') + ' ' +
			['YQ', 'YQ=', 'YQ==', 'Y Q = =', 'YQ===', 'Y'].map((s) => { try { return JSON.stringify(atob(s)) } catch (e) { return e.name } }).join(' ') })`,
			"true YQ==true YWI=true YWJjtrue YWJjZA==true /wCAtrue aGVsbG8sIHdvcmxktrue " +
				`"a" InvalidCharacterError "a" "a" InvalidCharacterError InvalidCharacterError`},
		// Node 20.20.2's values: the timeout stops the child with SIGTERM.
		{"child_process timeout", `{ const cp = require('child_process'); let e; try { cp.execSync('sleep 5', { timeout: 100 }) } catch (x) { e = x }
			const r = cp.spawnSync('sleep', ['5'], { timeout: 100 }); ({ v: [e.code, e.signal, e.status, e.message, r.status, r.signal, r.error.code].join('|') }) }`,
			"ETIMEDOUT|SIGTERM||spawnSync /bin/sh ETIMEDOUT||SIGTERM|ETIMEDOUT"},
		// Node 20.20.2's values, from node -e: name/code/operator/generatedMessage of each failure.
		{"assert", `{ const assert = require('assert'); const util = require('util'); const t = (f) => { try { return String(f()) } catch (e) { return [e.name, e.code, e.operator, e.generatedMessage].join('/') } };
			const out = [t(() => assert(0)), t(() => assert.ok(false, 'custom')), t(() => assert.equal(1, '1')), t(() => assert.strict.equal(1, '1')),
			  t(() => assert.deepEqual({ a: 1 }, { a: '1' })), t(() => assert.deepStrictEqual({ a: [1, { b: new Set([1]) }] }, { a: [1, { b: new Set([1]) }] })),
			  t(() => { const a = { x: 1 }; a.self = a; const b = { x: 1 }; b.self = b; assert.deepStrictEqual(a, b); return 'cycle' }),
			  t(() => assert.deepStrictEqual(new Map([[1, 'a']]), new Map([[1, 'b']]))), t(() => assert.throws(() => { throw new RangeError('r') }, /r/)),
			  t(() => assert.throws(() => {}, Error)), t(() => assert.throws(() => { throw new Error('x') }, TypeError)),
			  t(() => assert.throws(() => { throw Object.assign(new Error('x'), { code: 'E1' }) }, { code: 'E1', message: /x/ })),
			  t(() => assert.notDeepStrictEqual([1], ['1'])), t(() => assert.match('abc', /z/)), t(() => assert.fail('boom')), t(() => assert.ifError(null)),
			  require('assert/strict') === assert.strict, util.isDeepStrictEqual([[1]], [[1]]), util.isDeepStrictEqual([0], [-0])];
			({ v: out.join(';') }) }`,
			"AssertionError/ERR_ASSERTION/==/true;AssertionError/ERR_ASSERTION/==/false;undefined;AssertionError/ERR_ASSERTION/strictEqual/true;" +
				"undefined;undefined;cycle;AssertionError/ERR_ASSERTION/deepStrictEqual/true;undefined;AssertionError/ERR_ASSERTION/throws/false;" +
				"AssertionError/ERR_ASSERTION/throws/true;undefined;undefined;AssertionError/ERR_ASSERTION/match/true;AssertionError/ERR_ASSERTION/fail/false;" +
				"undefined;true;true;false"},
		// Node's values on Linux, except that a Readable cannot be made here.
		{"stream and constants", `{ const stream = require('stream'); const E = require('events'); class Legacy extends stream.Stream {}; let made;
			try { new stream.Readable() } catch (e) { made = e.message }
			const out = [typeof stream.Stream, new Legacy() instanceof E, stream.Stream === stream, typeof stream.pipeline, made.startsWith('stream.Readable is not available'),
			  require('constants').O_CREAT, require('constants').ENOENT, require('fs').constants.S_IFDIR, require('fs').constants.O_WRONLY,
			  require('os').constants.signals.SIGTERM, require('os').constants.errno.EEXIST, typeof require('fs').realpathSync.native];
			({ v: out.join(';') }) }`, "function;true;true;function;true;64;2;16384;1;15;17;function"},
		// Node 20.20.2's values, from node -e.
		{"os figures and querystring", `{ const os = require('os'); const qs = require('querystring'); const la = os.loadavg();
			const out = [os.totalmem() > os.freemem(), os.freemem() > 0, os.uptime() > 0, la.length === 3 && la.every((n) => n >= 0), os.devNull,
			  JSON.stringify(qs.parse('a=1&b=x%20y&a=2&c&d=&e=caf%C3%A9+ok&%ZZ=1')),
			  qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: [], g: 'é!*()~', h: NaN, i: 5n }),
			  qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.escape('a b&c/d'), qs.unescape('a%20b%ZZ'),
			  JSON.stringify(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })), Object.getPrototypeOf(qs.parse('a=1')) === null,
			  qs.encode === qs.stringify, JSON.stringify(qs.parse('&&a=1&&'))];
			({ v: out.join(';') }) }`,
			`true;true;true;true;/dev/null;{"a":["1","2"],"b":"x y","c":"","d":"","e":"café ok","%ZZ":"1"};` +
				`a=1&a=2&b=x%20y&c=true&d=&e=&g=%C3%A9!*()~&h=&i=5;a:1;b:2;a%20b%26c%2Fd;a b%ZZ;{"a":"1","b":"2"};true;true;{"a":"1"}`},
		// Node 20.20.2's values, from node -e.
		{"string_decoder", `{ const { StringDecoder } = require('string_decoder');
			const out = [];
			const d = new StringDecoder('utf8');
			const euro = Buffer.from('€'); // e2 82 ac
			out.push(JSON.stringify(d.write(euro.subarray(0, 1))), JSON.stringify(d.write(euro.subarray(1))), JSON.stringify(d.end()));
			const d2 = new StringDecoder('utf8');
			out.push(JSON.stringify(d2.write(Buffer.from([0x61, 0xf0, 0x9f]))), JSON.stringify(d2.end()));
			const d3 = new StringDecoder('hex'); out.push(d3.write(Buffer.from('hi')) + d3.end(Buffer.from('!')));
			const d4 = new StringDecoder('base64'); out.push(d4.write(Buffer.from('ab')) + '|' + d4.write(Buffer.from('c')) + '|' + d4.end());
			const d5 = new StringDecoder('utf16le'); out.push(JSON.stringify(d5.write(Buffer.from([0x61]))) + JSON.stringify(d5.write(Buffer.from([0x00, 0x3d, 0xd8]))) + JSON.stringify(d5.write(Buffer.from([0x00, 0xde]))) + JSON.stringify(d5.end()));
			const d6 = new StringDecoder(); out.push(d6.encoding, new StringDecoder('UTF-8').encoding, new StringDecoder('binary').encoding, new StringDecoder('ucs2').encoding);
			try { new StringDecoder('nope') } catch (e) { out.push(e.name + ' ' + e.code) }
			out.push(JSON.stringify(new StringDecoder('latin1').write(Buffer.from([0xe9]))), JSON.stringify(new StringDecoder('utf8').write('str')));
			({ v: out.join(';') }) }`,
			`"";"€";"";"a";"�";686921;|YWJj|;"""a""😀""";utf8;utf8;latin1;utf16le;TypeError ERR_UNKNOWN_ENCODING;"é";"str"`},
		// Node 20.20.2's values, from node -e: an encoding it does not know
		// is an error where a string is read with it, only a non-empty
		// string names one, and a number ignores it.
		{"unknown encodings", `{ const b = Buffer.from('abc');
			const t = (f) => { try { return String(f()) } catch (e) { return e.name + ' ' + e.code + ' ' + e.message } };
			({ v: [t(() => Buffer.from('a', 'bogus')), t(() => b.indexOf('b', 'bogus')), t(() => b.includes('b', 0, 'nope')),
				t(() => Buffer.alloc(2).fill('a', 'bogus')), b.indexOf(98, 0, 'bogus'), b.indexOf('b', 'UTF8'),
				Buffer.from('a', null).length, Buffer.from('a', '').length].join(';') }) }`,
			"TypeError ERR_UNKNOWN_ENCODING Unknown encoding: bogus;TypeError ERR_UNKNOWN_ENCODING Unknown encoding: bogus;TypeError ERR_UNKNOWN_ENCODING Unknown encoding: nope;TypeError ERR_UNKNOWN_ENCODING Unknown encoding: bogus;1;1;1;1"},
		// Node 20.20.2's values, from node -e: argument checks, ifError, fail, undecodable escapes.
		{"assert and querystring edges", `{ const assert = require('assert'); const qs = require('querystring'); const util = require('util');
			const t = (f) => { try { return String(f()) } catch (e) { return [e.name, e.code, e.operator, e.generatedMessage, e.message].join('/') } };
			const out = [t(() => assert.throws(undefined)), util.isDeepStrictEqual(new Uint8Array([1]).buffer, new Uint8Array([2]).buffer),
			  t(() => assert.ifError(new Error('x'))), t(() => assert.ifError('s')), t(() => new assert.AssertionError()), t(() => assert.fail()),
			  JSON.stringify(qs.unescape('%E9%41')), JSON.stringify(qs.parse('b=%E9')), qs.unescape('a%20b%ZZ')];
			({ v: out.join(';') }) }`,
			`TypeError/ERR_INVALID_ARG_TYPE///The "fn" argument must be of type function. Received undefined;false;AssertionError/ERR_ASSERTION/ifError/false/ifError got unwanted exception: x;AssertionError/ERR_ASSERTION/ifError/false/ifError got unwanted exception: 's';TypeError/ERR_INVALID_ARG_TYPE///The "options" argument must be of type object. Received undefined;AssertionError/ERR_ASSERTION/fail/true/Failed;"�A";{"b":"�"};a b%ZZ`},
		// Node 20.20.2's values, from node -e: the encodings goja_nodejs lacks.
		{"Buffer encodings", `{ const b = Buffer.from([0x61, 0xe9, 0xff, 0x80, 0x3d, 0xd8, 0x00, 0xde]);
			const out = [b.toString('latin1'), b.toString('binary'), b.toString('ascii'), b.toString('utf16le').slice(-2), b.toString('base64url'),
			  b.toString('LATIN1', 1, 3), b.toString('latin1', -5, 99), b.toString('latin1', 3, 1) === '', Buffer.from('aé€', 'latin1').toString('hex'),
			  Buffer.from('aé€', 'ascii').toString('hex'), Buffer.from('a😀', 'utf16le').toString('hex'), Buffer.from('YWJj-_8', 'base64url').toString('hex'),
			  Buffer.byteLength('aé€', 'latin1'), Buffer.byteLength('a😀', 'ucs2'), b.toString('hex')];
			({ v: out.join('|') }) }`, "aéÿ=Ø\x00Þ|aéÿ=Ø\x00Þ|ai\x00=X\x00^|😀|Yen_gD3YAN4|éÿ|aéÿ=Ø\x00Þ|true|61e9ac|61e9ac|61003dd800de|616263fbff|3|6|61e9ff803dd800de"},
		{"child_process shell option", `{ const cp = require('child_process'); const o = { encoding: 'utf8' };
			let out; try { cp.execSync('echo out; exit 3', { stdio: 'pipe' }) } catch (e) { out = e.output.map(String).join('/') }
			({ v: [cp.execSync('[[ 1 == 1 ]] && echo bash', { ...o, shell: '/bin/bash' }).trim(), cp.spawnSync('echo', ['a', '&&', 'echo', 'b'], { ...o, shell: true }).stdout.trim(),
				cp.execFileSync('echo', ['x', '|', 'tr', 'x', 'y'], { ...o, shell: true }).trim(), cp.spawnSync('true', [], { stdio: 'ignore' }).stdout, out].join('|') }) }`,
			"bash|a\nb|y||null/out\n/"},
		// Node 20.20.2's values: an empty shell string runs no shell, even for
		// execSync, and a spawn error lists the arguments after the program.
		{"child_process empty shell, spawnargs", `{ const cp = require('child_process'); const seen = [];
			for (const f of [() => cp.execSync('echo hi', { shell: '' }), () => cp.execFileSync('no-such-program', ['a', 'b']), () => cp.execSync('sleep 5', { timeout: 100 })]) {
				try { seen.push(String(f())) } catch (e) { seen.push(e.message + ' ' + JSON.stringify(e.spawnargs)) } }
			({ v: [...seen, cp.execSync('echo hi', { shell: false, encoding: 'utf8' }).trim(), JSON.stringify(cp.spawnSync('no-such-program', ['x']).error.spawnargs)].join('|') }) }`,
			`spawnSync echo hi ENOENT []|spawnSync no-such-program ENOENT ["a","b"]|spawnSync /bin/sh ETIMEDOUT ["-c","sleep 5"]|hi|["x"]`},
		{"argument checks as Node's", `{ const a = Buffer.from('abc'), b = Buffer.from('xbcy'); const codes = [];
			for (const f of [() => a.compare(b, -1), () => a.compare(b, 0, 9), () => a.compare(b, '1'), () => require('child_process').spawnSync('echo', [], { shell: 1 })]) {
				try { f(); codes.push('none') } catch (e) { codes.push(e.code) } }
			({ v: [a.compare(b, 1, 3, 1), a.compare(b, 0, 0), a.compare(b, 2, 1), codes.join('/')].join() }) }`,
			"0,1,1,ERR_OUT_OF_RANGE/ERR_OUT_OF_RANGE/ERR_INVALID_ARG_TYPE/ERR_INVALID_ARG_TYPE"},
		{"child_process failure", `{ let m; try { require('child_process').execSync('echo bad >&2; exit 2') } catch (e) { m = e.status + ' ' + e.message.trim() } ({ v: m }) }`, "2 Command failed: echo bad >&2; exit 2\nbad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if !strings.HasPrefix(src, "module.exports") {
				if strings.HasPrefix(src, "{") {
					// A block with local declarations, then the answer.
					i := strings.LastIndex(src, "({")
					src = "module.exports = { params: () => " + src[:i] + "return " + src[i:len(src)-1] + "} }"
					src = strings.Replace(src, "params: () => {", "params: () => {", 1)
				} else {
					src = "module.exports = { params: () => " + src + " }"
				}
			}
			got, err := evalHook(t, map[string]string{"hook.js": src, "lib/a.js": "", "notes.txt": "read me"},
				RunOptions{Args: []string{"cfg", "new", "--name", "x"}})
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			v, _ := got.Get("v")
			if s := jsvalue.ToString(v); !strings.HasPrefix(s, tt.want) {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
	_ = exe
}

func TestChildProcessDenied(t *testing.T) {
	_, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => ({ v: require('child_process').execSync('touch ran') }) }`},
		RunOptions{DenyChildProcess: true})
	// The message names both ways a run comes to refuse commands: it must
	// not tell a library caller that its run came through the agent.
	if err == nil || !strings.Contains(err.Error(), `child_process.execSync("touch ran") is not allowed here`) ||
		!strings.Contains(err.Error(), "--allow-shell") || !strings.Contains(err.Error(), "generator.Config.DenyShell") {
		t.Fatalf("err = %v", err)
	}
}

func TestESMHooks(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"default export", map[string]string{"hook.js": "import path from 'path'\nexport default {\n  params: ({ args }) => ({ v: path.join('a', 'b') }),\n}\n"}, "a/b"},
		{"named params", map[string]string{"hook.js": "import { join as j } from 'node:path';\nexport const params = () => ({ v: j('x', 'y') });\n"}, "x/y"},
		{"function export and list", map[string]string{"hook.js": "import * as lib from './lib.mjs'\nfunction params() { return { v: lib.twice('ab') + lib.default } }\nexport { params }\n",
			"lib.mjs": "export function twice(s) { return s + s }\nexport default 7\n"}, "abab7"},
		{"import.meta", map[string]string{"hook.mjs": "import { fileURLToPath } from 'url'\nimport { dirname } from 'path'\nconst dir = dirname(fileURLToPath(import.meta.url))\nexport const params = () => ({ v: dir.length > 1 && dir === process.cwd() })\n"}, "true"},
		{"cjs default import", map[string]string{"hook.js": "import lib from './lib.js'\nexport const params = () => ({ v: lib.k })\n", "lib.js": "module.exports = { k: 'cjs' }"}, "cjs"},
		// Only import.meta itself: not a regexp's text in ${…}, nor a
		// property named import (both were rewritten).
		{"import.meta lookalikes", map[string]string{"hook.mjs": "const cfg = { import: { meta: 'm' } }\nconst t = `${'a.import.meta'.replace(/import.meta/, 'x')}${cfg.import.meta}${typeof import.meta.url}`\nexport const params = () => ({ v: t + ':' + cfg.import.meta })\n"}, "a.xmstring:m"},
		// What goja cannot compile, rewritten: import() and for await.
		{"dynamic import from CommonJS", map[string]string{"hook.js": "module.exports = { params: async () => {\n  const m = await import('./lib.mjs')\n  const c = await import('./lib.cjs')\n  const p = await import('node:path')\n  let missing; try { await import('./nope.js') } catch (e) { missing = e.code }\n  return { v: [m.default, m.twice('a'), c.default.k, c.k, typeof p.join, missing, ({ import: (x) => x }).import('p')].join() }\n} }\n",
			"lib.mjs": "export function twice(s) { return s + s }\nexport default 7\n", "lib.cjs": "module.exports = { k: 'cjs' }"}, "7,aa,cjs,cjs,function,MODULE_NOT_FOUND,p"},
		{"dynamic import from an ES module", map[string]string{"hook.mjs": "export const params = async () => ({ v: (await import('./lib.mjs')).default })\n", "lib.mjs": "export default 'esm'\n"}, "esm"},
		{"for await", map[string]string{"hook.js": "module.exports = { params: async () => {\n  const out = []\n  for await (const x of [1, Promise.resolve(2)]) out.push(x)\n  const it = { [Symbol.asyncIterator]() { let i = 0; return { next: async () => (i < 2 ? { value: 'a' + i++, done: false } : { done: true }) } } }\n  for await (const y of it) { out.push(y) }\n  const s = `for await (x of y)`\n  return { v: out.join() + '|' + s }\n} }\n"}, "1,2,a0,a1|for await (x of y)"},
		{"strings and regexps are not statements", map[string]string{"hook.js": "const s = `\nexport default 1\n${'x'}`\nconst r = /import x from 'y'/\nexport const params = () => ({ v: s.length + ':' + r.test(\"import x from 'y'\") })\n"}, "19:true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := evalHook(t, tt.files, RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			v, _ := got.Get("v")
			if s := jsvalue.ToString(v); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
}

// A feature goja lacks is a SyntaxError naming it and its place, said once
// (the compiler's own prefix was doubled).
func TestUnsupportedSyntaxIsNamed(t *testing.T) {
	_, err := evalHook(t, map[string]string{"hook.js": "// one\nasync function* words() {}\nmodule.exports = {}\n"}, RunOptions{})
	if err == nil || !strings.Contains(err.Error(), "SyntaxError: Async generators are not supported") || strings.Contains(err.Error(), "SyntaxError: SyntaxError") ||
		!strings.Contains(err.Error(), "hook.js:2") {
		t.Fatalf("err = %v", err)
	}
}

func TestESMErrorsKeepLines(t *testing.T) {
	_, err := evalHook(t, map[string]string{"hook.js": "import x from 'path'\n\nexport const params = () => {\n  oops(\n}\n"}, RunOptions{})
	if err == nil || !strings.Contains(err.Error(), "hook.js:5") {
		t.Fatalf("err = %v, want a syntax error at line 5", err)
	}
}

func TestNpmPackages(t *testing.T) {
	files := map[string]string{
		"hook.js": `const up = require('upper'), { deep } = require('@s/deep/sub');
module.exports = { params: () => ({ v: up('a') + deep + require('esm-only').x }) }`,
		"node_modules/upper/package.json":    `{"main": "lib/main.js"}`,
		"node_modules/upper/lib/main.js":     `module.exports = (s) => require('./helper').up(s)`,
		"node_modules/upper/lib/helper.js":   `exports.up = (s) => s.toUpperCase()`,
		"node_modules/@s/deep/package.json":  `{"exports": {"./sub": {"require": "./cjs/sub.js", "import": "./esm/sub.js"}}}`,
		"node_modules/@s/deep/cjs/sub.js":    `exports.deep = '-deep'`,
		"node_modules/esm-only/package.json": `{"type": "module", "exports": "./index.js"}`,
		"node_modules/esm-only/index.js":     "export const x = '-esm'\n",
		"node_modules/native/package.json":   `{"main": "addon.node"}`,
		"node_modules/native/addon.node":     "\x7fELF",
		"node_modules/needs-net/index.js":    `module.exports = require('net')`,
	}
	got, err := evalHook(t, files, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "A-deep-esm" {
		t.Errorf("got %v", v)
	}
	for id, want := range map[string]string{
		"native":    `package "native" needs a native addon`,
		"needs-net": `package "needs-net" (`,
	} {
		files["hook.js"] = "require('" + id + "')"
		_, err := evalHook(t, files, RunOptions{})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("require(%s): err = %v, want %q", id, err, want)
		}
	}
}

// Buffer(arg) warns as Node 20 does: once, and not for a call from a
// package under node_modules.
func TestBufferConstructorWarnsOnce(t *testing.T) {
	tests := []struct {
		name, hook string
		want       string
	}{
		{"from the hook", "new Buffer(1); Buffer('a'); module.exports = {}",
			"(node:PID) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.\n" +
				"(Use `node --trace-deprecation ...` to show where the warning was created)\n"},
		{"from a package", "require('old'); module.exports = {}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := testfs.Tree(t, map[string]string{"hook.js": tt.hook, "node_modules/old/index.js": "module.exports = new Buffer(2)"})
			var stderr bytes.Buffer
			vm := NewVM(context.Background(), Setup{Cwd: dir, Stdout: io.Discard, Stderr: &stderr})
			if _, err := vm.Require(filepath.Join(dir, "hook.js")); err != nil {
				t.Fatal(err)
			}
			if out := regexp.MustCompile(`\(node:\d+\)`).ReplaceAllString(stderr.String(), "(node:PID)"); out != tt.want {
				t.Errorf("stderr %q, want %q", out, tt.want)
			}
		})
	}
}

// Ticks run before the promise callbacks queued in the same call, as in
// Node: of a hook's params, of a module's body, of a timer's callback; a
// module required in params waits for params to return. Node 20.20.2's
// orders.
func TestNextTickBeforePromises(t *testing.T) {
	tests := []struct {
		name, hook string
		want       string
	}{
		{"in params", `module.exports = { params: async () => { const log = []
	Promise.resolve().then(() => log.push('p')); process.nextTick(() => { log.push('t'); process.nextTick(() => log.push('t2')) })
	queueMicrotask(() => log.push('q')); await new Promise((r) => setImmediate(r)); return { v: log.join() } } }`, "t,t2,p,q"},
		{"in a module's body", `const log = []; Promise.resolve().then(() => log.push('p')); process.nextTick(() => log.push('t'))
module.exports = { params: async () => { await new Promise((r) => setImmediate(r)); return { v: log.join() } } }`, "t,p"},
		{"in a required module", `module.exports = { params: async () => { globalThis.log = []; require('./tick.js'); log.push('after')
	await new Promise((r) => setImmediate(r)); return { v: log.join() } } }`, "after,tick,p"},
		{"in a timer's callback", `module.exports = { params: async () => { const log = []
	setImmediate(() => { Promise.resolve().then(() => log.push('p')); process.nextTick(() => log.push('t')) })
	await new Promise((r) => setTimeout(r, 0)); await new Promise((r) => setImmediate(r)); return { v: log.join() } } }`, "t,p"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := evalHook(t, map[string]string{"hook.js": tt.hook,
				"tick.js": "process.nextTick(() => log.push('tick')); Promise.resolve().then(() => log.push('p'))"}, RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := got.Get("v"); v != tt.want {
				t.Errorf("got %v, want %s", v, tt.want)
			}
		})
	}
}

// A package finds the file that called it from the call sites of a stack
// (the callsites package's way, which parent-module, import-fresh and so
// cosmiconfig take).
func TestPackageFindsItsCaller(t *testing.T) {
	files := map[string]string{
		"hook.js": "const caller = require('caller-file')\nmodule.exports = { params: () => ({ v: caller() === __filename }) }",
		"node_modules/caller-file/index.js": `function callsites() {
	const prep = Error.prepareStackTrace
	try {
		Error.prepareStackTrace = (_, stack) => stack
		return new Error().stack.slice(1)
	} finally {
		Error.prepareStackTrace = prep
	}
}
module.exports = () => callsites()[1].getFileName()`,
	}
	got, err := evalHook(t, files, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != true {
		t.Errorf("got %v, want true", v)
	}
}

// A hook's error carries its own line, not a template's, even from a VM
// whose template failed before (the line of that failure was once reported
// for the hook).
func TestHookErrorHasNoTemplateLine(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"hook.js": "module.exports = { params: () => { throw new Error('no way') } }"})
	vm := NewVM(context.Background(), Setup{Cwd: dir})
	var c Cache
	tmpl, err := c.Compile("a\nb\n<%= nope %>\n", ejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vm.Render(context.Background(), tmpl, jsvalue.NewObject()); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("template error = %v, want one at line 3", err)
	}
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = vm.RunHook(m, jsvalue.NewObject(), nil)
	if err == nil || !strings.Contains(err.Error(), "line 1: Error: no way") || strings.Contains(err.Error(), "line 3") {
		t.Errorf("hook error = %v, want the thrown message at the hook's line 1, not the template's line 3", err)
	}
}

// An exception thrown in an fs or nextTick callback fails the hook, or the loading of
// the module, that made the call, as it ends Node's run; before, it
// rejected a promise nobody held and the run went on.
func TestCallbackExceptionFailsTheRun(t *testing.T) {
	for name, src := range map[string]string{
		"in params":   "module.exports = { params: () => { require('fs').readFile('notes.txt', 'utf8', () => { throw new Error('boom') }); return {} } }",
		"at loading":  "require('fs').stat('notes.txt', () => { throw new Error('boom') })\nmodule.exports = { params: () => ({}) }",
		"in nextTick": "module.exports = { params: () => { process.nextTick(() => { throw new Error('boom') }); return {} } }",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := evalHook(t, map[string]string{"hook.js": src, "notes.txt": "x"}, RunOptions{})
			if err == nil || !strings.Contains(err.Error(), "uncaught exception in a callback") || !strings.Contains(err.Error(), "boom") {
				t.Fatalf("err = %v, want the callback's exception", err)
			}
		})
	}
}

// A promise rejected with nothing to handle it fails the hook, or the
// loading of the module, that rejected it, as it ends Node's run (hygen
// exits 1 having written nothing); before, the run went on. A rejection
// handled before the call returns, or the hook's own rejected result (an
// error of its own), is not one.
func TestUnhandledRejectionFailsTheRun(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"in async params", "module.exports = { params: async () => { Promise.reject(new Error('lost')); return {} } }",
			"a promise was rejected and nothing handled it: Error: lost"},
		{"a reason that is no error", "module.exports = { params: () => { Promise.reject('plain'); return {} } }",
			"a promise was rejected and nothing handled it: plain"},
		{"at loading", "Promise.reject(new Error('at load'))\nmodule.exports = { params: () => ({}) }",
			"a promise was rejected and nothing handled it: Error: at load"},
		{"handled later in the call", "module.exports = { params: async () => { const p = Promise.reject(new Error('x')); await null; return { v: await p.catch(() => 'caught') } } }",
			""},
		{"the hook's own rejection", "module.exports = { params: async () => { throw new Error('own') } }",
			"Error: own"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := evalHook(t, map[string]string{"hook.js": tt.src}, RunOptions{})
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("err = %v, want one saying %q", err, tt.want)
			case tt.want == "Error: own" && strings.Contains(err.Error(), "nothing handled it"):
				t.Fatalf("err = %v: the hook's own rejection is its error, not an unhandled one", err)
			}
		})
	}
}

// execSync passes the child's stderr through only when no stdio option is
// given, as Node's default does; with stdio: 'pipe' it is only captured.
func TestExecSyncStderrPassThrough(t *testing.T) {
	for _, c := range []struct {
		opts string
		want string
	}{{"{}", "shown\n"}, {"{ stdio: 'pipe' }", ""}} {
		dir := testfs.Tree(t, map[string]string{"hook.js": "module.exports = { params: () => ({ v: require('child_process').execSync('echo shown >&2', " + c.opts + ").length }) }"})
		var errOut bytes.Buffer
		vm := NewVM(context.Background(), Setup{Cwd: dir, Stderr: &errOut, Env: func() []string { return []string{"PATH=/usr/bin:/bin"} }})
		m, err := vm.Require(filepath.Join(dir, "hook.js"))
		if err == nil {
			_, err = vm.RunHook(m, jsvalue.NewObject(), nil)
		}
		if err != nil || errOut.String() != c.want {
			t.Errorf("options %s: stderr %q, %v; want %q", c.opts, errOut.String(), err, c.want)
		}
	}
}

// TestEmitWarning checks process.emitWarning's lines against Node 20's
// (node -e with the same calls), the process id aside.
func TestEmitWarning(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"hook.js": `module.exports = { params: () => {
		process.emitWarning('careful', 'Warning', 'X001')
		process.emitWarning('again')
		process.emitWarning(new Error('boom'))
		process.emitWarning('dep', { type: 'DeprecationWarning', code: 'DEP9' })
		return {}
	} }`})
	var stderr bytes.Buffer
	vm := NewVM(context.Background(), Setup{Cwd: dir, Stderr: &stderr})
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vm.RunHook(m, jsvalue.NewObject(), nil); err != nil {
		t.Fatal(err)
	}
	pid := fmt.Sprintf("(node:%d) ", os.Getpid())
	want := pid + "[X001] Warning: careful\n" +
		"(Use `node --trace-warnings ...` to show where the warning was created)\n" +
		pid + "Warning: again\n" + pid + "Error: boom\n" + pid + "[DEP9] DeprecationWarning: dep\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), want)
	}
}

// TestUserInfoFromPasswd: os.userInfo() names the user from the password
// database, as Node does, when USER and LOGNAME are unset (containers, CI).
func TestUserInfoFromPasswd(t *testing.T) {
	me, err := user.Current()
	if err != nil {
		t.Skip(err)
	}
	t.Setenv("USER", "")
	t.Setenv("LOGNAME", "")
	got, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => ({ v: JSON.stringify(require('os').userInfo()) }) }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := got.Get("v")
	want := fmt.Sprintf(`{"uid":%s,"gid":%s,"username":%q,"homedir":%q,"shell":`, me.Uid, me.Gid, me.Username, me.HomeDir)
	if s := jsvalue.ToString(v); !strings.HasPrefix(s, want) {
		t.Errorf("os.userInfo() = %s, want it to start %s", s, want)
	}
}

// os.release(), version() and machine() are uname's, as in Node.
func TestOSUname(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("machineInfo reads uname on Linux only")
	}
	var want []string
	for _, flag := range []string{"-r", "-v", "-m"} {
		out, err := exec.Command("uname", flag).Output()
		if err != nil {
			t.Skip(err)
		}
		want = append(want, strings.TrimSpace(string(out)))
	}
	got, err := evalHook(t, map[string]string{"hook.js": `module.exports = { params: () => { const os = require('os');
		return { v: [os.release(), os.version(), os.machine()].join('|') } } }`}, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); jsvalue.ToString(v) != strings.Join(want, "|") {
		t.Errorf("got %q, want uname's %q", jsvalue.ToString(v), strings.Join(want, "|"))
	}
}

// console's timers, counters, assert and table print what Node 20 prints
// (the texts below are Node's for the same calls; timings aside).
func TestConsoleMethods(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"hook.js": `
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.assert(true, 'no'); console.assert(false, 'yes %s', 'fmt'); console.assert(0); console.assert(false, { a: 1 });
console.table([{ a: 1, b: 'x' }, { a: 22, c: true }]);
console.table(new Map([['k', 1]]));
console.group('G'); console.table(['p', 3]); console.groupEnd();
console.time('t'); console.timeEnd('t'); console.countReset('zz');
module.exports = { params: () => ({}) }`})
	var stdout, stderr bytes.Buffer
	vm := NewVM(context.Background(), Setup{Cwd: dir, Stdout: &stdout, Stderr: &stderr})
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil || m == nil {
		t.Fatal(err)
	}
	wantOut := `default: 1
default: 2
x: 1
default: 1
┌─────────┬────┬─────┬──────┐
│ (index) │ a  │ b   │ c    │
├─────────┼────┼─────┼──────┤
│ 0       │ 1  │ 'x' │      │
│ 1       │ 22 │     │ true │
└─────────┴────┴─────┴──────┘
┌───────────────────┬─────┬────────┐
│ (iteration index) │ Key │ Values │
├───────────────────┼─────┼────────┤
│ 0                 │ 'k' │ 1      │
└───────────────────┴─────┴────────┘
G
  ┌─────────┬────────┐
  │ (index) │ Values │
  ├─────────┼────────┤
  │ 0       │ 'p'    │
  │ 1       │ 3      │
  └─────────┴────────┘
`
	out := stdout.String()
	timing := regexp.MustCompile(`(?m)^t: \d+(\.\d+)?ms\n`)
	if !timing.MatchString(out) || timing.ReplaceAllString(out, "") != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%st: <time>ms", out, wantOut)
	}
	for _, want := range []string{"Assertion failed: yes fmt\n", "Assertion failed\n", "Assertion failed: [object Object]\n", "Count for 'zz' does not exist"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr %q lacks %q", stderr.String(), want)
		}
	}
}

// The names process and console make lazily are the members process.js
// and console.js build: a member one of them gains without its name in
// the list would never be reached, and a name without its member would be
// undefined.
func TestLazyMemberListsMatchTheirScripts(t *testing.T) {
	vm := NewVM(context.Background(), Setup{Cwd: t.TempDir()})
	discard := func(string) {}
	for _, tt := range []struct {
		script string
		names  []string
		built  *goja.Object
	}{
		{"process.js", processExtras, vm.processExtras()},
		{"console.js", consoleExtras, vm.consoleExtras(discard, discard)},
	} {
		got, want := tt.built.Keys(), slices.Clone(tt.names)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s builds %v; the list names %v", tt.script, got, want)
		}
	}
}

// process.stdout.write takes bytes and an encoding, and calls its callback
// once the code running now is done, as Node 20 (its output for the same
// calls): a Uint8Array printed as "65,10", the callback never ran, and a
// number printed.
func TestProcessStdoutWrite(t *testing.T) {
	dir := testfs.Tree(t, map[string]string{"hook.js": `
process.stdout.write(new Uint8Array([65, 10])); process.stdout.write('aGkK', 'base64');
process.stdout.write('x\n', () => console.log('cb')); console.log('after');
try { process.stdout.write(5) } catch (e) { console.log(e.code) }
console.log(typeof process.ppid, process.stdout.writable);
module.exports = { params: async () => { await new Promise((resolve) => setImmediate(resolve)); return {} } }`})
	var stdout bytes.Buffer
	vm := NewVM(context.Background(), Setup{Cwd: dir, Stdout: &stdout, Stderr: io.Discard})
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vm.RunHook(m, jsvalue.NewObject(), nil); err != nil {
		t.Fatal(err)
	}
	if want := "A\nhi\nx\nafter\nERR_INVALID_ARG_TYPE\nnumber true\ncb\n"; stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
}

// util.deprecate warns on the first call, once per code, as Node 20 (its
// stderr for the same calls, the process id aside): it never warned. And
// os.tmpdir() trims a trailing slash of TMPDIR, as Node's does, reading
// the environment the scripts see.
func TestDeprecateWarnsOnce(t *testing.T) {
	tmp := t.TempDir()
	dir := testfs.Tree(t, map[string]string{"hook.js": `
const u = require('util');
const f = u.deprecate(() => 1, 'old thing', 'DEP_X'), g = u.deprecate(() => 2, 'same code', 'DEP_X');
const h = u.deprecate(function H() { this.v = 3 }, 'no code');
module.exports = { params: () => ({ v: [f(), f(), g(), new h().v, h.name, require('os').tmpdir()].join() }) }`})
	var stderr bytes.Buffer
	vm := NewVM(context.Background(), Setup{Cwd: dir, Stdout: io.Discard, Stderr: &stderr, Env: func() []string { return []string{"TMPDIR=" + tmp + "/"} }})
	m, err := vm.Require(filepath.Join(dir, "hook.js"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := vm.RunHook(m, jsvalue.NewObject(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := got.Get("v"); v != "1,1,2,3,deprecated,"+tmp {
		t.Errorf("v = %q", v)
	}
	want := "(node:PID) [DEP_X] DeprecationWarning: old thing\n(Use `node --trace-deprecation ...` to show where the warning was created)\n" +
		"(node:PID) DeprecationWarning: no code\n"
	if out := regexp.MustCompile(`\(node:\d+\)`).ReplaceAllString(stderr.String(), "(node:PID)"); out != want {
		t.Errorf("stderr %q, want %q", out, want)
	}
}
