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
  proto.off = proto.removeListener = function (type, fn) {
    const list = this._events && this._events[type];
    if (!list) return this;
    const i = list.findIndex((l) => l === fn || l.listener === fn);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) delete this._events[type];
    return this;
  };
  proto.removeAllListeners = function (type) {
    if (!this._events) return this;
    if (type === undefined) this._events = Object.create(null); else delete this._events[type];
    return this;
  };
  proto.emit = function (type, ...args) {
    const list = this._events && this._events[type];
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error('Unhandled error. (' + args[0] + ')');
      return false;
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
  EventEmitter.once = (emitter, type) => new Promise((resolve) => emitter.once(type, (...args) => resolve(args)));
  module.exports = EventEmitter;
})
