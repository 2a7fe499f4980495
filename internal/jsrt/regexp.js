// V8's RegExp source for patterns made from strings. goja writes a '/' of
// the pattern as \u002f, where V8 writes \/ outside a character class and
// '/' inside one: new RegExp('^/api').source was '^\u002fapi', and code
// generated from it differed. Installed by regexp.go only in runtimes whose
// code names RegExp: the constructor keeps the pattern as given, and
// source escapes it as V8 does. Literals (/a\/b/) keep goja's source.
(function (global) {
  'use strict';
  const Native = global.RegExp;
  const proto = Native.prototype;
  const nativeSource = Object.getOwnPropertyDescriptor(proto, 'source').get;
  const given = new WeakMap();
  const isLineTerminator = (c) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
  const escaped = { '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  // V8's EscapeRegExpSource.
  const escape = (p) => {
    if (p === '') return '(?:)';
    let out = '';
    let inClass = false;
    for (let i = 0; i < p.length; i++) {
      const c = p[i];
      if (c === '\\') {
        if (i + 1 < p.length && isLineTerminator(p[i + 1])) continue; // the terminator is escaped next
        out += c;
        if (++i < p.length) out += p[i];
        continue;
      }
      if (c === '/' && !inClass) out += '\\/';
      else if (escaped[c]) out += escaped[c];
      else {
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        out += c;
      }
    }
    return out;
  };
  const track = (re, pattern) => {
    if (typeof pattern === 'string') given.set(re, pattern);
    else if (pattern === undefined) given.set(re, '');
    else if (pattern instanceof Native) {
      if (given.has(pattern)) given.set(re, given.get(pattern));
    } else if (typeof pattern !== 'object' && typeof pattern !== 'function') given.set(re, String(pattern));
    return re;
  };
  const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];
  const hasInstance = (v) => ordinaryHasInstance.call(Native, v);
  const RegExp = new Proxy(Native, {
    construct: (target, args, newTarget) => track(Reflect.construct(target, args, newTarget), args[0]),
    // goja's instanceof refuses a Proxy of a function as its right side.
    get: (target, key, receiver) => (key === Symbol.hasInstance ? hasInstance : Reflect.get(target, key, receiver)),
    apply(target, self, args) {
      // RegExp(re) is re itself when re's constructor is RegExp.
      if (args[0] instanceof Native && args[1] === undefined && (args[0].constructor === Native || args[0].constructor === RegExp)) return args[0];
      const re = Reflect.apply(target, self, args);
      return re === args[0] ? re : track(re, args[0]);
    },
  });
  Object.defineProperty(proto, 'source', {
    get: function source() { return given.has(this) ? escape(given.get(this)) : nativeSource.call(this); },
    configurable: true,
  });
  // goja's toString reads the pattern itself, not source.
  Object.defineProperty(proto, 'toString', {
    value: function toString() { return '/' + this.source + '/' + this.flags; },
    writable: true, configurable: true,
  });
  // So that re.constructor === RegExp. split and matchAll make their
  // patterns through it (Symbol.species), about four times slower through
  // the Proxy than through goja's constructor.
  Object.defineProperty(proto, 'constructor', { value: RegExp, writable: true, configurable: true });
  Object.defineProperty(global, 'RegExp', { value: RegExp, writable: true, configurable: true });
})
