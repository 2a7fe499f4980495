// V8's stack traces, which npm packages read: err.stack in V8's form
// ("    at fn (/abs/file.js:LINE:COL)"), Error.stackTraceLimit,
// Error.captureStackTrace(target, fn) and Error.prepareStackTrace(err,
// callSites), by which the callsites package (and so parent-module and
// import-fresh, which cosmiconfig uses) finds the file that called it.
// goja writes its own form ("\tat fn (file:L:C(pc))") with no way to change
// it, so the error constructors are wrapped: each error made through them
// gets a stack of its own, from the frames native.frames() reports where it
// was made. Errors goja throws itself (a TypeError of null.x) keep goja's.
// Installed by stack.go only in runtimes whose code names a stack.
(function (global, native) {
  'use strict';
  const NativeError = global.Error;
  // A frame is [function name, file, line, column]; a native function's
  // has no file.
  const sites = new WeakMap();
  const location = (f) => (f[1] === undefined ? '<anonymous>' : f[1] + ':' + f[2] + ':' + f[3]);
  // V8's CallSite. goja's frames carry no receiver, so every call is a
  // plain function call: no type, no method, never a constructor.
  class CallSite {
    getThis() { return undefined; }
    getTypeName() { return null; }
    getFunction() { return undefined; }
    getFunctionName() { return sites.get(this)[0] || null; }
    getMethodName() { return null; }
    getFileName() { const f = sites.get(this); return f[1] === undefined ? null : f[1]; }
    getLineNumber() { const f = sites.get(this); return f[1] === undefined ? null : f[2]; }
    getColumnNumber() { const f = sites.get(this); return f[1] === undefined ? null : f[3]; }
    getEvalOrigin() { return undefined; }
    getScriptNameOrSourceURL() { return this.getFileName(); }
    getScriptHash() { return ''; }
    getEnclosingLineNumber() { return null; }
    getEnclosingColumnNumber() { return null; }
    getPosition() { return 0; }
    getPromiseIndex() { return null; }
    isToplevel() { return sites.get(this)[1] !== undefined; }
    isEval() { return false; }
    isNative() { return false; }
    isConstructor() { return false; }
    isAsync() { return false; }
    isPromiseAll() { return false; }
    toString() {
      const f = sites.get(this);
      return f[0] ? f[0] + ' (' + location(f) + ')' : location(f);
    }
  }
  const callSite = (f) => {
    const c = new CallSite();
    sites.set(c, f);
    return c;
  };
  // V8's ErrorUtils::ToString, the first line of a stack.
  const header = (error) => {
    const name = error.name === undefined ? 'Error' : String(error.name);
    const message = error.message === undefined ? '' : String(error.message);
    if (name === '') return message;
    return message === '' ? name : name + ': ' + message;
  };
  // Node's default, which hooks that wrap Error.prepareStackTrace call.
  const ErrorPrepareStackTrace = function ErrorPrepareStackTrace(error, trace) {
    return header(error) + trace.map((c) => '\n    at ' + c).join('');
  };
  let preparing = false;
  const render = (error, frames) => {
    const prepare = NativeError.prepareStackTrace;
    if (typeof prepare !== 'function' || prepare === ErrorPrepareStackTrace || preparing) {
      // V8 does not call prepareStackTrace again for a stack read inside it.
      return header(error) + frames.map((f) => '\n    at ' + (f[0] ? f[0] + ' (' + location(f) + ')' : location(f))).join('');
    }
    preparing = true;
    try {
      return prepare(error, frames.map(callSite));
    } finally {
      preparing = false;
    }
  };
  // How many frames native.frames must report for an error to have its
  // stackTraceLimit after skip of them are left out.
  const wanted = (skip) => {
    const limit = NativeError.stackTraceLimit;
    return typeof limit === 'number' && limit > 0 ? skip + Math.min(limit, 0x7fffffff) : skip;
  };
  const setStack = (target, value) => Object.defineProperty(target, 'stack', { value, writable: true, enumerable: false, configurable: true });
  // attach gives target a stack of frames, cut to Error.stackTraceLimit as
  // V8 cuts it when it captures, made on first read as V8 makes it (a name
  // a subclass sets after super() heads it).
  const attach = (target, frames) => {
    const limit = NativeError.stackTraceLimit;
    if (typeof limit !== 'number') {
      setStack(target, undefined);
      return;
    }
    frames = frames.slice(0, limit > 0 ? limit : 0);
    Object.defineProperty(target, 'stack', {
      get() {
        const stack = render(target, frames);
        try {
          setStack(target, stack);
        } catch (e) { /* frozen since: it is made again each read */ }
        return stack;
      },
      set(value) { setStack(target, value); },
      enumerable: false,
      configurable: true,
    });
  };
  const isClass = (fn) => /^class\b/.test(Function.prototype.toString.call(fn));
  // The frames a call of fn leaves: goja gives none to a class without a
  // constructor of its own, and its constructor's frame has no name.
  const framesOf = (fn) => {
    let n = 0;
    for (let c = fn; typeof c === 'function' && !errorTypes.has(c); c = Object.getPrototypeOf(c)) {
      if (!isClass(c)) return n + 1;
      if (/(?:^|[^.\w$])constructor\s*\(/.test(Function.prototype.toString.call(c))) n++;
    }
    return n;
  };
  // skipThrough is V8's frames above and including the topmost call of fn,
  // dropped; none left when fn is not on the stack. goja's frames name
  // functions, not which function, so a function is known by its name and
  // a class by the nameless frames of its constructors.
  const skipThrough = (frames, fn) => {
    if (isClass(fn)) {
      const n = framesOf(fn);
      const i = frames.findIndex((f) => f[0] === '');
      return n === 0 || i < 0 ? [] : frames.slice(i + n);
    }
    const name = String(fn.name).replace(/^(?:bound|get|set) /, '');
    const i = name === '' ? -1 : frames.findIndex((f) => f[0] === name);
    return i < 0 ? [] : frames.slice(i + 1);
  };
  function captureStackTrace(target, fn) {
    if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
      throw new TypeError('Invalid argument'); // V8's words
    }
    // All of them when fn is given: V8 counts the limit from fn's caller.
    const frames = native.frames(typeof fn === 'function' ? Infinity : wanted(0));
    try {
      attach(target, typeof fn === 'function' ? skipThrough(frames, fn) : frames);
    } catch (e) {
      throw new TypeError('Cannot define property stack, object is not extensible'); // V8's words, for a frozen target
    }
  }
  const errorTypes = new Set();
  const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];
  for (const name of ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']) {
    const Native = global[name];
    if (typeof Native !== 'function') continue;
    const hasInstance = (v) => ordinaryHasInstance.call(Native, v);
    const Wrapped = new Proxy(Native, {
      // V8 leaves out the frames of a subclass's constructors.
      construct(target, args, newTarget) {
        const e = Reflect.construct(target, args, newTarget);
        const skip = newTarget === Wrapped ? 0 : framesOf(newTarget);
        attach(e, native.frames(wanted(skip)).slice(skip));
        return e;
      },
      apply(target, self, args) {
        const e = Reflect.apply(target, self, args);
        attach(e, native.frames(wanted(0)));
        return e;
      },
      // goja's instanceof refuses a Proxy of a function as its right side.
      get: (target, key, receiver) => (key === Symbol.hasInstance ? hasInstance : Reflect.get(target, key, receiver)),
      // TypeError's prototype is Error, as in V8.
      getPrototypeOf: (target) => (name === 'Error' ? Reflect.getPrototypeOf(target) : global.Error),
    });
    errorTypes.add(Native).add(Wrapped);
    native.wrapped(Wrapped);
    Object.defineProperty(Native.prototype, 'constructor', { value: Wrapped, writable: true, configurable: true });
    Object.defineProperty(global, name, { value: Wrapped, writable: true, configurable: true });
  }
  Object.defineProperty(NativeError, 'captureStackTrace', { value: captureStackTrace, writable: true, configurable: true });
  Object.defineProperty(NativeError, 'stackTraceLimit', { value: 10, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(NativeError, 'prepareStackTrace', { value: ErrorPrepareStackTrace, writable: true, configurable: true });
})
