// Node's timer functions as far as a runtime without an event loop can
// keep them: setImmediate, and setTimeout with no delay, run the callback
// once the code running now has finished (as a promise callback does);
// clearing the handle first stops it. A delay, or setInterval, is refused
// when called, with an error naming it: a package that only keeps a
// reference to them (typescript) loads. Evaluates to a function of native
// ({ callBack, refuse }) returning the functions.
(function (native) {
  'use strict';
  class Timeout {
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    refresh() { return this; }
    [Symbol.toPrimitive]() { return 0; }
  }
  const cancelled = new WeakSet();
  const later = (name, callback, args) => {
    if (typeof callback !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (callback === null ? 'null' : typeof callback));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    const t = new Timeout();
    Promise.resolve().then(() => { if (!cancelled.has(t)) native.callBack(callback, ...args); });
    return t;
  };
  const clear = (t) => { if (t instanceof Timeout) cancelled.add(t); };
  const noDelay = (name, ms) => {
    if (ms !== undefined && +ms > 0) native.refuse(name + '(callback, ' + ms + ')', 'hooks run without an event loop, so nothing can wait for a delay');
  };
  const timers = {
    setImmediate: (callback, ...args) => later('setImmediate', callback, args),
    setTimeout: (callback, ms, ...args) => { noDelay('setTimeout', ms); return later('setTimeout', callback, args); },
    setInterval: () => native.refuse('setInterval()', 'hooks run without an event loop, so nothing repeats'),
    clearImmediate: clear,
    clearTimeout: clear,
    clearInterval: clear,
  };
  // timers/promises: the same, as promises.
  timers.promises = {
    setImmediate: (value) => Promise.resolve(value),
    setTimeout: (ms, value) => { noDelay('timers/promises setTimeout', ms); return Promise.resolve(value); },
    setInterval: () => native.refuse('timers/promises setInterval()', 'hooks run without an event loop, so nothing repeats'),
  };
  return timers;
})
