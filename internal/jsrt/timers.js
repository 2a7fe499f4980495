// Node's timer functions as far as a runtime without a clock-driven event
// loop can keep them: setImmediate, and setTimeout with no delay, queue
// the callback as a task (native.queue), which runs once the code running
// now and every promise callback it queued have run, as in Node; clearing
// the handle first stops it. A delay, or setInterval, is refused when
// called, with an error naming it: a package that only keeps a reference
// to them (typescript) loads. Evaluates to a function of native
// ({ queue, refuse }) returning the functions.
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
    native.queue(() => { if (!cancelled.has(t)) callback(...args); });
    return t;
  };
  const clear = (t) => { if (t instanceof Timeout) cancelled.add(t); };
  const noDelay = (name, ms) => {
    if (ms !== undefined && +ms > 0) native.refuse(name + '(callback, ' + ms + ')', 'hooks run no clock, so nothing can wait for a delay');
  };
  const timers = {
    setImmediate: (callback, ...args) => later('setImmediate', callback, args),
    setTimeout: (callback, ms, ...args) => { noDelay('setTimeout', ms); return later('setTimeout', callback, args); },
    setInterval: () => native.refuse('setInterval()', 'hooks run no clock, so nothing repeats'),
    clearImmediate: clear,
    clearTimeout: clear,
    clearInterval: clear,
  };
  // timers/promises: the same, as promises.
  const task = (value) => new Promise((resolve) => native.queue(() => resolve(value)));
  timers.promises = {
    setImmediate: task,
    setTimeout: (ms, value) => { noDelay('timers/promises setTimeout', ms); return task(value); },
    setInterval: () => native.refuse('timers/promises setInterval()', 'hooks run no clock, so nothing repeats'),
  };
  // util.promisify(setTimeout) is timers/promises' form, as in Node.
  const custom = Symbol.for('nodejs.util.promisify.custom');
  timers.setImmediate[custom] = timers.promises.setImmediate;
  timers.setTimeout[custom] = timers.promises.setTimeout;
  return timers;
})
