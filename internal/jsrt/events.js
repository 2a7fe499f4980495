// Node's events module: the EventEmitter that many packages extend. Listeners
// run synchronously in emit, as in Node.
(function (exports, module) {
  'use strict';
  function EventEmitter() {
    EventEmitter.init.call(this);
  }
  EventEmitter.init = function () {
    if (!this._events || this._events === Object.getPrototypeOf(this)._events) this._events = Object.create(null);
    this._maxListeners = this._maxListeners || undefined;
  };
  EventEmitter.defaultMaxListeners = 10;
  const proto = EventEmitter.prototype;
  function add(self, type, fn, prepend) {
    if (typeof fn !== 'function') throw new TypeError('The "listener" argument must be of type function');
    if (!self._events) self._events = Object.create(null);
    if (self._events.newListener) self.emit('newListener', type, fn.listener || fn);
    const list = self._events[type] || (self._events[type] = []);
    if (prepend) list.unshift(fn); else list.push(fn);
    return self;
  }
  proto.on = proto.addListener = function (type, fn) { return add(this, type, fn, false); };
  proto.prependListener = function (type, fn) { return add(this, type, fn, true); };
  function onceWrapper(self, type, fn) {
    const w = function (...args) { self.removeListener(type, w); return fn.apply(self, args); };
    w.listener = fn;
    return w;
  }
  proto.once = function (type, fn) { return add(this, type, onceWrapper(this, type, fn), false); };
  proto.prependOnceListener = function (type, fn) { return add(this, type, onceWrapper(this, type, fn), true); };
  // Removing a listener emits 'removeListener' after it is gone, as Node's
  // does: with the listener a once wrapper stands for when it was the only
  // one, else with what was passed; the last one found is removed.
  proto.off = proto.removeListener = function (type, fn) {
    const list = this._events && this._events[type];
    if (!list) return this;
    let i = list.length - 1;
    while (i >= 0 && list[i] !== fn && list[i].listener !== fn) i--;
    if (i < 0) return this;
    const [removed] = list.splice(i, 1);
    const announced = list.length === 0 ? removed.listener || fn : fn;
    if (list.length === 0) delete this._events[type];
    if (this._events.removeListener) this.emit('removeListener', type, announced);
    return this;
  };
  proto.removeAllListeners = function (type) {
    if (!this._events) return this;
    if (!this._events.removeListener) {
      if (type === undefined) this._events = Object.create(null); else delete this._events[type];
      return this;
    }
    // Each removal is announced, the newest listener first, and the
    // 'removeListener' listeners themselves go last.
    const types = type === undefined ? Reflect.ownKeys(this._events).filter((t) => t !== 'removeListener') : [type];
    for (const t of types) {
      const list = this._events[t];
      for (let i = list ? list.length - 1 : -1; i >= 0; i--) this.removeListener(t, list[i]);
    }
    if (type === undefined) this.removeAllListeners('removeListener');
    return this;
  };
  const errorMonitor = Symbol('events.errorMonitor');
  proto.emit = function (type, ...args) {
    if (type === 'error' && this._events && this._events[errorMonitor]) this.emit(errorMonitor, ...args);
    const list = this._events && this._events[type];
    if (!list || list.length === 0) {
      if (type !== 'error') return false;
      if (args[0] instanceof Error) throw args[0];
      const shown = typeof args[0] === 'string' ? "'" + args[0] + "'" : String(args[0]);
      const err = new Error('Unhandled error. (' + shown + ')');
      err.code = 'ERR_UNHANDLED_ERROR';
      err.context = args[0];
      throw err;
    }
    for (const fn of list.slice()) fn.apply(this, args);
    return true;
  };
  proto.listeners = function (type) { return ((this._events && this._events[type]) || []).map((l) => l.listener || l); };
  proto.rawListeners = function (type) { return ((this._events && this._events[type]) || []).slice(); };
  proto.listenerCount = function (type) { return ((this._events && this._events[type]) || []).length; };
  proto.eventNames = function () { return this._events ? Reflect.ownKeys(this._events) : []; };
  proto.setMaxListeners = function (n) { this._maxListeners = n; return this; };
  proto.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.errorMonitor = errorMonitor;
  EventEmitter.captureRejections = false;
  EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
  EventEmitter.getEventListeners = (emitter, type) => emitter.listeners(type);
  EventEmitter.setMaxListeners = (n = EventEmitter.defaultMaxListeners, ...emitters) => {
    if (emitters.length === 0) EventEmitter.defaultMaxListeners = n;
    for (const e of emitters) e.setMaxListeners(n);
  };
  EventEmitter.once = (emitter, type) => new Promise((resolve) => emitter.once(type, (...args) => resolve(args)));
  module.exports = EventEmitter;
})
