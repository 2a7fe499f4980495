// Node's util module, the parts hooks use: format, inspect (Node's layout:
// one line when it fits in 80 columns, 2-space indents, depth 2, arrays of
// more than 6 short items in columns), promisify, inherits, deprecate.
(function (exports, module, native) {
  'use strict';
  // Node's own test: a $ in a key gets it quoted.
  const isIdent = (k) => /^[A-Za-z_][A-Za-z_0-9]*$/.test(k);
  function quote(s) {
    const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') && !s.includes('${') ? '`' : "'";
    const esc = s.replace(/[\\\n\t\r\b\f\v\x00-\x1f]/g, (c) =>
      ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v' })[c] ||
      '\\x' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
    return q + (q === "'" ? esc.replace(/'/g, "\\'") : esc) + q;
  }
  function fnBase(f) {
    const src = Function.prototype.toString.call(f);
    if (src.startsWith('class')) return '[class ' + (f.name || '(anonymous)') + ']';
    const kind = f.constructor && f.constructor.name !== 'Function' ? f.constructor.name : 'Function';
    return '[' + kind + (f.name ? ': ' + f.name : ' (anonymous)') + ']';
  }
  function primitive(v) {
    switch (typeof v) {
      case 'string': return quote(v);
      case 'number': return Object.is(v, -0) ? '-0' : String(v);
      case 'bigint': return v + 'n';
      case 'symbol': return v.toString();
      case 'undefined': return 'undefined';
      case 'boolean': return String(v);
    }
    return v === null ? 'null' : undefined;
  }
  // Options read: depth, breakLength, compact, sorted, maxArrayLength and
  // maxStringLength (colors and showHidden are not: nothing is coloured,
  // and hidden properties are not shown); or the older (value, showHidden,
  // depth) form.
  // What inspect starts from; a hook may change it, as Node's lets
  // (util.inspect.defaultOptions.depth = null shows everything).
  const defaultOptions = { showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false };
  // Node's custom inspection: an object's method under this symbol says
  // what it shows (a URL its fields).
  const custom = Symbol.for('nodejs.util.inspect.custom');
  function inspect(value, opts) {
    const d = defaultOptions;
    const ctx = { depth: d.depth === null ? Infinity : d.depth, breakLength: d.breakLength, compact: d.compact, sorted: d.sorted,
      maxArrayLength: d.maxArrayLength === null ? Infinity : d.maxArrayLength,
      maxStringLength: d.maxStringLength === null ? Infinity : d.maxStringLength, customInspect: d.customInspect !== false,
      seen: [], circular: new Map(), indent: 0, current: 0 };
    if (arguments.length > 2 && arguments[2] !== undefined) ctx.depth = arguments[2] === null ? Infinity : arguments[2];
    if (opts && typeof opts === 'object') {
      if (opts.depth !== undefined) ctx.depth = opts.depth === null ? Infinity : opts.depth;
      for (const k of ['breakLength', 'compact', 'sorted']) if (opts[k] !== undefined) ctx[k] = opts[k];
      if (opts.customInspect !== undefined) ctx.customInspect = opts.customInspect !== false;
      for (const k of ['maxArrayLength', 'maxStringLength']) {
        if (opts[k] !== undefined) ctx[k] = opts[k] === null ? Infinity : Math.max(0, opts[k]);
      }
    }
    return fmt(ctx, value, 0);
  }
  const more = (n, what) => '... ' + n + ' more ' + what + (n > 1 ? 's' : '');
  function key(k) {
    return typeof k === 'symbol' ? '[' + k.toString() + ']' : isIdent(k) ? k : quote(k);
  }
  function fmt(ctx, v, level) {
    if (typeof v === 'string' && v.length > ctx.maxStringLength) {
      return quote(v.slice(0, ctx.maxStringLength)) + more(v.length - ctx.maxStringLength, 'character');
    }
    const p = primitive(v);
    if (p !== undefined) return p;
    if (ctx.seen.includes(v)) {
      // The object it refers back to is marked <ref *N> where it is shown.
      if (!ctx.circular.has(v)) ctx.circular.set(v, ctx.circular.size + 1);
      return '[Circular *' + ctx.circular.get(v) + ']';
    }
    const own = ctx.customInspect && v[custom];
    if (typeof own === 'function' && own !== inspect) {
      const depth = ctx.depth - level;
      const opts = Object.assign({}, defaultOptions, { depth, breakLength: ctx.breakLength, compact: ctx.compact, sorted: ctx.sorted,
        maxArrayLength: ctx.maxArrayLength, maxStringLength: ctx.maxStringLength, stylize: (t) => t });
      const shown = own.call(v, depth, opts, inspect);
      if (shown !== v) return typeof shown === 'string' ? shown : fmt(ctx, shown, level);
    }
    const out = fmtObject(ctx, v, level);
    return ctx.circular.has(v) ? '<ref *' + ctx.circular.get(v) + '> ' + out : out;
  }
  // goja's stack frames in V8's form: four spaces, no program counter.
  const v8Stack = (stack) => stack.replace(/\n+$/, '').split('\n')
    .map((l) => l.replace(/^\s*at /, '    at ').replace(/\(\d+\)(\)?)$/, '$1')).join('\n');
  // A boxed primitive's kind, as Node names it.
  const boxed = (v) => v instanceof Number ? 'Number' : v instanceof String ? 'String' : v instanceof Boolean ? 'Boolean'
    : typeof Symbol !== 'undefined' && v instanceof Symbol ? 'Symbol' : typeof BigInt !== 'undefined' && v instanceof BigInt ? 'BigInt' : '';
  function fmtObject(ctx, v, level) {
    if (typeof Buffer !== 'undefined' && v instanceof Uint8Array && v.constructor && v.constructor.name === 'Buffer') {
      const hex = Array.from(v.subarray(0, 50), (b) => b.toString(16).padStart(2, '0'));
      return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes' : '') + '>';
    }
    let base = '', braces = ['{', '}'], entries = [], isArr = false;
    let keys = Object.keys(v);
    if (typeof v === 'function') {
      base = fnBase(v);
      if (keys.length === 0) return base;
    } else if (Array.isArray(v)) {
      isArr = true;
      braces = ['[', ']'];
      if (v.constructor !== Array && v.constructor) braces[0] = v.constructor.name + '(' + v.length + ') [';
    } else if (v instanceof RegExp) {
      base = RegExp.prototype.toString.call(v);
      if (keys.length === 0) return base;
    } else if (v instanceof Date) {
      base = isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
      if (keys.length === 0) return base;
    } else if (v instanceof Error) {
      base = v.stack ? v8Stack(String(v.stack)) : '[' + Error.prototype.toString.call(v) + ']';
      // Node leaves out the keys the stack already shows (a name set in a
      // subclass's constructor).
      keys = keys.filter((k) => !((k === 'name' || k === 'message' || k === 'stack') && typeof v[k] === 'string' && base.includes(v[k])));
      if (keys.length === 0) return base;
    } else if (boxed(v)) {
      const kind = boxed(v);
      base = '[' + kind + ': ' + primitive(v.valueOf()) + ']';
      if (kind === 'String') keys = keys.filter((k) => !/^\d+$/.test(k));
      if (keys.length === 0) return base;
    } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      isArr = true;
      braces = [v.constructor.name + '(' + v.length + ') [', ']'];
    } else if (v instanceof Map) {
      braces[0] = 'Map(' + v.size + ') {';
    } else if (v instanceof Set) {
      braces[0] = 'Set(' + v.size + ') {';
    } else if (v instanceof Promise) {
      braces[0] = 'Promise {';
      const [state, result] = native.promiseState(v);
      entries.push(state === 'pending' ? '<pending>' : state === 'rejected' ? '<rejected> ' + fmt(ctx, result, level + 1) : fmt(ctx, result, level + 1));
    } else if (v instanceof WeakMap || v instanceof WeakSet) {
      return (v instanceof WeakMap ? 'WeakMap' : 'WeakSet') + ' { <items unknown> }';
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto === null) braces[0] = '[Object: null prototype] {';
      else if (proto !== Object.prototype && proto.constructor && proto.constructor.name && proto.constructor.name !== 'Object') {
        braces[0] = proto.constructor.name + ' {';
      }
    }
    const empty = keys.length === 0 && (isArr ? v.length === 0 : !(v instanceof Map || v instanceof Set) || v.size === 0);
    if (level > ctx.depth && !empty) {
      return isArr ? '[Array]' : '[' + (braces[0] === '{' ? 'Object' : braces[0].replace(/[ ({\[].*$/, '')) + ']';
    }
    ctx.seen.push(v);
    if (!empty) ctx.current = level; // how deep the nesting went decides the layout
    ctx.indent += 2;
    let sortFrom = 0; // entries from here are keys, which sorted: true sorts
    if (isArr) {
      const n = Math.min(v.length, ctx.maxArrayLength);
      for (let i = 0; i < n; i++) {
        if (i in v) { entries.push(fmt(ctx, v[i], level + 1)); continue; }
        let holes = 1; // a run of holes is one entry, as Node shows it
        while (i + holes < n && !((i + holes) in v)) holes++;
        entries.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
        i += holes - 1;
      }
      if (v.length > n) entries.push(more(v.length - n, 'item'));
      sortFrom = entries.length;
      for (const k of keys) if (!/^\d+$/.test(k)) entries.push(key(k) + ': ' + fmt(ctx, v[k], level + 1));
    } else if (v instanceof Map || v instanceof Set) {
      let i = 0;
      for (const e of v) {
        if (i++ === ctx.maxArrayLength) {
          entries.push(more(v.size - ctx.maxArrayLength, 'item'));
          break;
        }
        entries.push(v instanceof Map ? fmt(ctx, e[0], level + 1) + ' => ' + fmt(ctx, e[1], level + 1) : fmt(ctx, e, level + 1));
      }
    } else {
      for (const k of keys) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        entries.push(key(k) + ': ' + (d.get ? (d.set ? '[Getter/Setter]' : '[Getter]') : d.set ? '[Setter]' : fmt(ctx, v[k], level + 1)));
      }
      for (const s of Object.getOwnPropertySymbols(v)) {
        if (Object.getOwnPropertyDescriptor(v, s).enumerable) entries.push(key(s) + ': ' + fmt(ctx, v[s], level + 1));
      }
    }
    ctx.indent -= 2;
    ctx.seen.pop();
    if (ctx.sorted && entries.length - sortFrom > 1) {
      const by = typeof ctx.sorted === 'function' ? ctx.sorted : undefined;
      entries = entries.slice(0, sortFrom).concat(entries.slice(sortFrom).sort(by));
    }
    if (base) braces[0] = base + ' {';
    if (entries.length === 0) return braces[0].endsWith('{') && braces[0] !== '{' ? braces[0] + '}' : braces[0] + braces[1];
    return join(ctx, entries, braces, isArr ? v : undefined, level);
  }
  // join lays entries out as Node does: grouped in columns for long arrays,
  // on one line when short enough and not too deeply nested, else one per line.
  function join(ctx, entries, braces, arr, level) {
    const count = entries.length;
    if (ctx.compact === true) {
      // The older layout: on one line if it fits, else one entry a line
      // after the opening brace.
      let total = entries.length;
      for (const e of entries) total += e.length;
      if (2 * entries.length <= ctx.breakLength && total <= ctx.breakLength) return braces[0] + ' ' + entries.join(', ') + ' ' + braces[1];
      const ind = ' '.repeat(ctx.indent);
      const ln = braces[0].length === 1 ? ' ' : '\n' + ind + '  ';
      return braces[0] + ln + entries.join(',\n' + ind + '  ') + ' ' + braces[1];
    }
    const compact = typeof ctx.compact === 'number' && ctx.compact >= 1 ? ctx.compact : 0;
    if (compact && arr !== undefined && count > 6) entries = columns(ctx, entries, arr);
    if (compact && ctx.current - level < compact && count === entries.length) {
      const start = entries.length + ctx.indent + braces[0].length + 10;
      let total = entries.length + start;
      for (const e of entries) total += e.length;
      if (total <= ctx.breakLength && !entries.some((e) => e.includes('\n'))) {
        return braces[0] + ' ' + entries.join(', ') + ' ' + braces[1];
      }
    }
    const ind = '\n' + ' '.repeat(ctx.indent);
    return braces[0] + ind + '  ' + entries.join(',' + ind + '  ') + ind + braces[1];
  }
  function columns(ctx, out, arr) {
    let total = 0, maxLen = 0;
    const n = out.length - (arr.length > ctx.maxArrayLength ? 1 : 0);
    const lens = [];
    for (let i = 0; i < n; i++) {
      lens.push(out[i].length);
      total += out[i].length + 2;
      maxLen = Math.max(maxLen, out[i].length);
    }
    const actualMax = maxLen + 2;
    if (!(actualMax * 3 + ctx.indent < ctx.breakLength && (total / actualMax > 5 || maxLen <= 6))) return out;
    const bias = Math.sqrt(actualMax - total / out.length);
    const biasedMax = Math.max(actualMax - 3 - bias, 1);
    const cols = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * n) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indent) / actualMax), 12, 15);
    if (cols <= 1) return out;
    const widths = [];
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let j = c; j < out.length; j += cols) if (lens[j] > w) w = lens[j];
      widths.push(w + 2);
    }
    const numeric = arr.every((x) => typeof x === 'number' || typeof x === 'bigint');
    const rows = [];
    for (let i = 0; i < n; i += cols) {
      const end = Math.min(i + cols, n);
      let row = '';
      for (let j = i; j < end - 1; j++) {
        const cell = out[j] + ', ';
        row += numeric ? cell.padStart(widths[j - i]) : cell.padEnd(widths[j - i]);
      }
      row += numeric ? out[end - 1].padStart(widths[end - 1 - i] - 2) : out[end - 1];
      rows.push(row);
    }
    if (arr.length > ctx.maxArrayLength) rows.push(out[n]);
    return rows;
  }
  function format(...args) { return formatWith({}, args); }
  // formatWith is format with inspect options for the values it inspects,
  // as formatWithOptions gives them. A format string with nothing after it
  // is returned as it is, %% included, as Node does.
  function formatWith(opts, all) {
    if (all.length === 0) return '';
    const [f, ...args] = all;
    const show = (a, more) => inspect(a, Object.assign({}, opts, more));
    if (typeof f !== 'string') return [f, ...args].map((a) => typeof a === 'string' ? a : show(a)).join(' ');
    if (args.length === 0) return f;
    let i = 0;
    let s = f.replace(/%([sdifjoOc%])/g, (m, c) => {
      if (c === '%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (c) {
        case 's': return typeof a === 'string' ? a : typeof a === 'bigint' ? a + 'n' : Object.is(a, -0) ? '-0'
          : typeof a === 'object' && a !== null && builtInToString(a) ? show(a, { depth: 0 }) : String(a);
        case 'd': return typeof a === 'bigint' ? a + 'n' : typeof a === 'object' ? 'NaN' : String(Number(a));
        case 'i': return typeof a === 'bigint' ? a + 'n' : String(parseInt(a));
        case 'f': return String(parseFloat(a));
        case 'j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
        case 'o': return show(a, { depth: 4 });
        case 'O': return show(a);
        case 'c': return '';
      }
    });
    for (; i < args.length; i++) s += ' ' + (typeof args[i] === 'string' ? args[i] : show(args[i]));
    return s;
  }
  // The classes of JavaScript itself, by name: Node's own (Buffer, URL)
  // are not among them, so %s shows a Buffer or a URL by its toString.
  const languageClasses = new Set(['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'Promise',
    'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'Map', 'Set',
    'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array',
    'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array',
    'BigUint64Array']);
  // builtInToString is Node's test for %s: an object whose toString is its
  // own, or its class's (not one of JavaScript's), is shown by it.
  function builtInToString(v) {
    if (typeof v.toString !== 'function') return true;
    if (Object.prototype.hasOwnProperty.call(v, 'toString')) return false;
    let p = v;
    do { p = Object.getPrototypeOf(p); } while (p !== null && !Object.prototype.hasOwnProperty.call(p, 'toString'));
    const ctor = p && Object.getOwnPropertyDescriptor(p, 'constructor');
    return ctor !== undefined && ctor !== null && typeof ctor.value === 'function' && languageClasses.has(ctor.value.name);
  }
  // Node's ERR_INVALID_ARG_TYPE for argument name, which must be of type.
  const argTypeError = (name, type, received) => {
    const e = new TypeError('The "' + name + '" argument must be of type ' + type + '. Received ' + received);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  };
  const invalidType = (name, v) => argTypeError(name, 'function', v === null ? 'null' : typeof v);
  // Node's: a function's own promise form (fn[promisify.custom]) wins; else
  // the callback's first value, past the error, is the result.
  const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
  function promisify(fn) {
    if (typeof fn !== 'function') throw invalidType('original', fn);
    if (fn[promisifyCustom] !== undefined) {
      const custom = fn[promisifyCustom];
      if (typeof custom !== 'function') throw invalidType('util.promisify.custom', custom);
      return custom;
    }
    const promised = function (...args) {
      return new Promise((resolve, reject) => {
        fn.call(this, ...args, (err, value) => err ? reject(err) : resolve(value));
      });
    };
    Object.setPrototypeOf(promised, Object.getPrototypeOf(fn));
    Object.defineProperty(promised, promisifyCustom, { value: promised, configurable: true });
    return promised;
  }
  promisify.custom = promisifyCustom;
  // callbackify: the callback is called once the promise settles, as a
  // callback (what it throws ends the run), with a falsy rejection wrapped
  // as Node wraps it.
  function callbackify(fn) {
    if (typeof fn !== 'function') throw invalidType('original', fn);
    return function (...args) {
      const cb = args.pop();
      if (typeof cb !== 'function') throw invalidType('last argument', cb);
      fn.apply(this, args).then((v) => native.callBack(cb, null, v), (err) => {
        if (!err) {
          const wrapped = new Error('Promise was rejected with falsy value');
          wrapped.code = 'ERR_FALSY_VALUE_REJECTION';
          wrapped.reason = err;
          err = wrapped;
        }
        native.callBack(cb, err);
      });
    };
  }
  exports.callbackify = callbackify;
  exports.format = format;
  exports.formatWithOptions = (opts, ...args) => {
    if (typeof opts !== 'object' || opts === null) throw argTypeError('inspectOptions', 'object', native.received(opts));
    return formatWith(opts, args);
  };
  // What older packages still call.
  exports._extend = (target, source) => {
    if (source === null || typeof source !== 'object') return target;
    for (const k of Object.keys(source)) target[k] = source[k];
    return target;
  };
  exports.isBuffer = (v) => Buffer.isBuffer(v);
  exports.stripVTControlCharacters = (s) => String(s).replace(
    /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d\/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d\/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
  exports.toUSVString = (s) => String(s).toWellFormed();
  inspect.custom = custom;
  inspect.defaultOptions = defaultOptions;
  exports.inspect = inspect;
  exports.promisify = promisify;
  exports.inherits = function (ctor, superCtor) {
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  };
  // deprecate(fn, msg, code) warns on the first call, once per code, as
  // Node's does (process.emitWarning's DeprecationWarning on stderr).
  const codesWarned = new Set();
  exports.deprecate = function deprecate(fn, msg, code) {
    let warned = false;
    function deprecated(...args) {
      if (!warned) {
        warned = true;
        if (code === undefined || !codesWarned.has(code)) {
          if (code !== undefined) codesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code);
        }
      }
      return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
    }
    if (typeof fn === 'function') {
      Object.setPrototypeOf(deprecated, fn);
      if (fn.prototype) deprecated.prototype = fn.prototype;
    }
    return deprecated;
  };
  // debuglog(section): a logger writing to stderr when NODE_DEBUG names the
  // section (comma-separated, * for any text), as Node's does.
  exports.debuglog = exports.debug = function debuglog(section) {
    const names = (typeof process !== 'undefined' && process.env.NODE_DEBUG) || '';
    const enabled = names.split(',').some((n) => n.trim() !== '' &&
      new RegExp('^' + n.trim().replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i').test(section));
    const log = (...args) => {
      if (enabled) console.error(String(section).toUpperCase() + ' ' + process.pid + ': ' + format(...args));
    };
    log.enabled = enabled;
    return log;
  };
  const fnKind = (v, name) => typeof v === 'function' && Object.getPrototypeOf(v).constructor.name === name;
  exports.types = {
    isPromise: (v) => v instanceof Promise, isRegExp: (v) => v instanceof RegExp, isDate: (v) => v instanceof Date,
    isAsyncFunction: (v) => fnKind(v, 'AsyncFunction') || fnKind(v, 'AsyncGeneratorFunction'),
    isGeneratorFunction: (v) => fnKind(v, 'GeneratorFunction') || fnKind(v, 'AsyncGeneratorFunction'),
    isMap: (v) => v instanceof Map, isSet: (v) => v instanceof Set,
    isWeakMap: (v) => v instanceof WeakMap, isWeakSet: (v) => v instanceof WeakSet,
    isNativeError: (v) => v instanceof Error, isArrayBuffer: (v) => v instanceof ArrayBuffer,
    isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView), isUint8Array: (v) => v instanceof Uint8Array,
  };
  // The checks Node deprecated but still has, which older packages call.
  Object.assign(exports, {
    isArray: Array.isArray, isBoolean: (v) => typeof v === 'boolean', isNull: (v) => v === null,
    isNullOrUndefined: (v) => v == null, isNumber: (v) => typeof v === 'number', isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol', isUndefined: (v) => v === undefined, isRegExp: exports.types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object', isDate: exports.types.isDate, isError: exports.types.isNativeError,
    isFunction: (v) => typeof v === 'function', isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  });
})
