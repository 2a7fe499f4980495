// Node 20's event and abort globals, and the weak references goja lacks:
// installed by webglobals.go on first use of any, in a runtime whose code
// names one. Evaluates to a function of the web globals' performance and
// queueMicrotask returning them.
(function (performance, queueMicrotask) {
  'use strict';
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

  return { DOMException, Event, EventTarget, AbortController, AbortSignal, WeakRef, FinalizationRegistry };
})
