// Globals Node 20 has beyond the language: installed by webglobals.go only
// in runtimes whose code names one. Buffer does the encoding work.
(function (Buffer, URL, URLSearchParams) {
  'use strict';
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return new Uint8Array(Buffer.from(String(input), 'utf8')); }
  }
  class TextDecoder {
    constructor(label = 'utf-8') {
      const l = String(label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        throw new RangeError('The "' + label + '" encoding is not supported (hypergen decodes utf-8 only)');
      }
    }
    get encoding() { return 'utf-8'; }
    decode(input) {
      if (input === undefined) return '';
      const view = ArrayBuffer.isView(input) ? input : new Uint8Array(input);
      return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('utf8');
    }
  }
  function invalidCharacter() {
    const e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    return e;
  }
  // goja_nodejs's Buffer has no latin1, so the bytes are the char codes.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function btoa(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    const s = String(data);
    let out = '';
    for (let i = 0; i < s.length; i += 3) {
      const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
      if (a > 0xff || b > 0xff || c > 0xff) throw invalidCharacter();
      out += alphabet[a >> 2] + alphabet[((a & 3) << 4) | (b >> 4 || 0)] +
        (i + 1 < s.length ? alphabet[((b & 15) << 2) | (c >> 6 || 0)] : '=') +
        (i + 2 < s.length ? alphabet[c & 63] : '=');
    }
    return out;
  }
  function atob(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    let s = String(data).replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw invalidCharacter();
    let out = '', bits = 0, n = 0;
    for (const ch of s) {
      bits = (bits << 6) | alphabet.indexOf(ch);
      n += 6;
      if (n >= 8) { n -= 8; out += String.fromCharCode((bits >> n) & 0xff); }
    }
    return out;
  }
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (callback === null ? 'null' : typeof callback === 'object' ? 'an instance of ' + callback.constructor.name : typeof callback));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    Promise.resolve().then(() => callback());
  }
  function structuredClone(value) {
    if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
    const seen = new Map();
    const clone = (v) => {
      if (typeof v === 'function' || typeof v === 'symbol') {
        const e = new Error(String(v) + ' could not be cloned.');
        e.name = 'DataCloneError';
        throw e;
      }
      if (v === null || typeof v !== 'object') return v;
      if (seen.has(v)) return seen.get(v);
      let out;
      if (v instanceof Date) out = new Date(v.getTime());
      else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
      else if (ArrayBuffer.isView(v)) out = new v.constructor(v);
      else if (v instanceof Map) { out = new Map(); seen.set(v, out); for (const [k, x] of v) out.set(clone(k), clone(x)); return out; }
      else if (v instanceof Set) { out = new Set(); seen.set(v, out); for (const x of v) out.add(clone(x)); return out; }
      else if (Array.isArray(v)) { out = new Array(v.length); seen.set(v, out); for (const k of Object.keys(v)) out[k] = clone(v[k]); return out; }
      else if (v instanceof Error) { out = new v.constructor(v.message); seen.set(v, out); if ('cause' in v) out.cause = clone(v.cause); return out; }
      else { out = {}; seen.set(v, out); for (const k of Object.keys(v)) out[k] = clone(v[k]); return out; }
      seen.set(v, out);
      return out;
    };
    return clone(value);
  }
  const origin = Date.now();
  const performance = { timeOrigin: origin, now: () => Date.now() - origin };

  const argError = (Ctor, code, message) => {
    const e = new Ctor(message);
    e.code = code;
    return e;
  };
  // The legacy codes DOMException gives the names Node uses.
  const domCodes = { IndexSizeError: 1, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
    InvalidAccessError: 15, TimeoutError: 23, DataCloneError: 25, AbortError: 20 };
  class DOMException extends Error {
    constructor(message = '', options = 'Error') {
      super(String(message));
      const name = typeof options === 'object' && options !== null ? String(options.name ?? 'Error') : String(options);
      Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
      if (typeof options === 'object' && options !== null && 'cause' in options) {
        Object.defineProperty(this, 'cause', { value: options.cause, configurable: true, writable: true });
      }
    }
    get code() { return domCodes[this.name] || 0; }
    get [Symbol.toStringTag]() { return 'DOMException'; }
  }

  class Event {
    #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timeStamp = performance.now();
    #stop = false;
    constructor(type, options = {}) {
      if (arguments.length === 0) throw argError(TypeError, 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
      this.#type = String(type);
      this.#bubbles = !!(options && options.bubbles);
      this.#cancelable = !!(options && options.cancelable);
      this.#composed = !!(options && options.composed);
      this.target = null;
      this.currentTarget = null;
    }
    get type() { return this.#type; }
    get bubbles() { return this.#bubbles; }
    get cancelable() { return this.#cancelable; }
    get composed() { return this.#composed; }
    get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
    get timeStamp() { return this.#timeStamp; }
    get isTrusted() { return false; }
    get eventPhase() { return this.currentTarget ? 2 : 0; }
    get returnValue() { return !this.defaultPrevented; }
    get cancelBubble() { return this.#stop; }
    composedPath() { return this.currentTarget ? [this.currentTarget] : []; }
    preventDefault() { this.#defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() { this.#stop = true; }
    get [Symbol.toStringTag]() { return 'Event'; }
  }
  Object.assign(Event, { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 });

  // EventTarget as Node's: listeners run in the order added, once each per
  // type, listener and capture flag; { once } and { signal } remove them.
  // A listener that throws does not stop the others: its error is thrown
  // once the dispatch is over, as Node reports it as uncaught.
  class EventTarget {
    #listeners = new Map();
    addEventListener(type, listener, options = {}) {
      if (listener === null || listener === undefined) return;
      const opts = typeof options === 'boolean' ? { capture: options } : (options || {});
      const capture = !!opts.capture;
      const list = this.#listeners.get(String(type)) || [];
      if (list.some((l) => l.listener === listener && l.capture === capture)) return;
      if (opts.signal && opts.signal.aborted) return;
      const entry = { listener, capture, once: !!opts.once };
      list.push(entry);
      this.#listeners.set(String(type), list);
      if (opts.signal) opts.signal.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
    }
    removeEventListener(type, listener, options = {}) {
      const capture = typeof options === 'boolean' ? options : !!(options && options.capture);
      const list = this.#listeners.get(String(type));
      if (!list) return;
      const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
      if (i >= 0) { list[i].removed = true; list.splice(i, 1); }
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) throw argError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "event" argument must be an instance of Event. Received ' + (event === null ? 'null' : typeof event));
      event.target = this;
      event.currentTarget = this;
      const errors = [];
      for (const l of [...(this.#listeners.get(event.type) || [])]) {
        if (l.removed) continue;
        if (l.once) this.removeEventListener(event.type, l.listener, { capture: l.capture });
        try {
          const r = typeof l.listener === 'function' ? l.listener.call(this, event) : l.listener.handleEvent(event);
          if (r && typeof r.then === 'function') r.then(undefined, (e) => queueMicrotask(() => { throw e; }));
        } catch (e) {
          errors.push(e);
        }
        if (event.cancelBubble) break;
      }
      event.currentTarget = null;
      for (const e of errors) queueMicrotask(() => { throw e; });
      return !event.defaultPrevented;
    }
    get [Symbol.toStringTag]() { return 'EventTarget'; }
  }

  const illegal = Symbol('AbortSignal');
  class AbortSignal extends EventTarget {
    #aborted = false; #reason = undefined; #onabort = null; #handler = false;
    constructor(key) {
      if (key !== illegal) throw argError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
      super();
    }
    // An event handler attribute: it runs in the place of its first setting
    // among the listeners.
    get onabort() { return this.#onabort; }
    set onabort(f) {
      this.#onabort = typeof f === 'function' ? f : null;
      if (!this.#handler) {
        this.#handler = true;
        this.addEventListener('abort', (e) => { if (this.#onabort) this.#onabort.call(this, e); });
      }
    }
    get aborted() { return this.#aborted; }
    get reason() { return this.#reason; }
    throwIfAborted() { if (this.#aborted) throw this.#reason; }
    static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
      const s = new AbortSignal(illegal);
      s.#aborted = true;
      s.#reason = reason;
      return s;
    }
    // Node aborts it from an unreferenced timer; hooks run without an event
    // loop, so the time never comes, as for a process that ends first.
    static timeout(ms) {
      if (typeof ms !== 'number') throw argError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "delay" argument must be of type number. Received ' + (ms === null ? 'null' : typeof ms));
      if (!(ms >= 0 && ms <= 4294967295) || !Number.isInteger(ms)) throw argError(RangeError, 'ERR_OUT_OF_RANGE', 'The value of "delay" is out of range. It must be >= 0 && <= 4294967295. Received ' + ms);
      return new AbortSignal(illegal);
    }
    static any(signals) {
      const s = new AbortSignal(illegal);
      for (const each of signals) {
        if (each.aborted) { s.#abort(each.reason); return s; }
      }
      for (const each of signals) each.addEventListener('abort', () => s.#abort(each.reason), { once: true });
      return s;
    }
    #abort(reason) {
      if (this.#aborted) return;
      this.#aborted = true;
      this.#reason = reason;
      this.dispatchEvent(new Event('abort'));
    }
    static _abortOf(signal, reason) { signal.#abort(reason); }
    get [Symbol.toStringTag]() { return 'AbortSignal'; }
  }
  const abortOf = AbortSignal._abortOf;
  delete AbortSignal._abortOf;

  class AbortController {
    #signal = new AbortSignal(illegal);
    get signal() { return this.#signal; }
    abort(reason = new DOMException('This operation was aborted', 'AbortError')) { abortOf(this.#signal, reason); }
    get [Symbol.toStringTag]() { return 'AbortController'; }
  }

  // Kept strongly: goja has no weak references. A target that is never
  // collected is one the language allows, and a finalizer that never runs
  // one it warns of.
  class WeakRef {
    #target;
    constructor(target) {
      if (target === null || (typeof target !== 'object' && typeof target !== 'function')) throw new TypeError('WeakRef: target must be an object');
      this.#target = target;
    }
    deref() { return this.#target; }
    get [Symbol.toStringTag]() { return 'WeakRef'; }
  }
  class FinalizationRegistry {
    #tokens = new Set();
    constructor(cleanup) {
      if (typeof cleanup !== 'function') throw new TypeError('FinalizationRegistry: cleanup must be callable');
    }
    register(target, held, token) {
      if (target === null || (typeof target !== 'object' && typeof target !== 'function')) throw new TypeError('FinalizationRegistry.prototype.register: invalid target');
      if (token !== undefined) this.#tokens.add(token);
    }
    unregister(token) { return this.#tokens.delete(token); }
    get [Symbol.toStringTag]() { return 'FinalizationRegistry'; }
  }

  // Node 20's String.prototype.isWellFormed and toWellFormed (ES2024): a
  // surrogate without its pair is what makes a string ill-formed.
  const loneSurrogates = (s) => {
    const at = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      else if ((c & 0xf800) === 0xd800) at.push(i);
    }
    return at;
  };
  for (const [name, fn] of [
    ['isWellFormed', function isWellFormed() { return loneSurrogates(String(this)).length === 0; }],
    ['toWellFormed', function toWellFormed() {
      const s = String(this);
      let out = '', from = 0;
      for (const i of loneSurrogates(s)) { out += s.slice(from, i) + '\uFFFD'; from = i + 1; }
      return out + s.slice(from);
    }],
  ]) {
    if (!String.prototype[name]) Object.defineProperty(String.prototype, name, { value: fn, writable: true, configurable: true });
  }

  return { TextEncoder, TextDecoder, atob, btoa, queueMicrotask, structuredClone, performance, URL, URLSearchParams,
    DOMException, Event, EventTarget, AbortController, AbortSignal, WeakRef, FinalizationRegistry };
})
