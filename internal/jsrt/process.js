// Members of Node's process that hooks, and the npm packages they require,
// use beyond what newProcess sets: end-of-stream (under execa, pump and
// get-stream) calls process.nextTick as it loads. Evaluates to a function
// of (events' EventEmitter, native) returning the members; native holds the
// Go functions that read the process.
(function (EventEmitter, native) {
  'use strict';
  const members = {};
  // Before the promise callbacks queued so far, as in Node, when the call
  // it was queued in is a turn, and after them all when a promise callback
  // of a turn queued it (see VM.turn); otherwise, as a promise callback
  // itself, after those queued so far.
  members.nextTick = function nextTick(callback, ...args) {
    if (typeof callback !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (callback === null ? 'null' : typeof callback));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    if (native.queueTick(callback, ...args)) Promise.resolve().then(() => native.runTicks());
  };
  const hrtime = function hrtime(previous) {
    const ns = native.nanoseconds();
    let sec = Math.floor(ns / 1e9), nsec = ns % 1e9;
    if (previous) {
      sec -= previous[0];
      nsec -= previous[1];
      if (nsec < 0) {
        sec--;
        nsec += 1e9;
      }
    }
    return [sec, nsec];
  };
  hrtime.bigint = () => BigInt(native.nanoseconds());
  members.hrtime = hrtime;
  members.uptime = () => native.nanoseconds() / 1e9;
  const memoryUsage = () => native.memoryUsage();
  memoryUsage.rss = () => native.memoryUsage().rss;
  members.memoryUsage = memoryUsage;
  members.cpuUsage = (previous) => {
    const u = native.cpuUsage();
    return previous ? { user: u.user - previous.user, system: u.system - previous.system } : u;
  };
  members.umask = function umask(mask) {
    if (mask !== undefined) native.refuse('process.umask(mask)', "it would change hypergen's own file mode mask");
    return native.umask();
  };
  for (const id of ['getuid', 'geteuid', 'getgid', 'getegid']) members[id] = () => native.ids()[id];
  members.getgroups = () => native.ids().groups;
  members.chdir = () => native.refuse('process.chdir()', "it would move hypergen itself; join paths to process.cwd() instead");
  members.kill = () => native.refuse('process.kill()', 'hooks may not signal processes');
  members.abort = () => native.refuse('process.abort()', 'it would end hypergen itself');
  // process is an EventEmitter in Node: listeners can be added and emitted
  // to; the process's own events ('exit', signals) are not emitted here.
  for (const name of ['on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners', 'prependListener',
    'prependOnceListener', 'emit', 'listeners', 'rawListeners', 'listenerCount', 'eventNames', 'setMaxListeners', 'getMaxListeners']) {
    members[name] = EventEmitter.prototype[name];
  }
  // A stdin that is no terminal and from which nothing arrives: hooks read
  // answers through their prompter, not from the stream.
  members.stdin = Object.assign(new EventEmitter(), {
    fd: 0,
    setEncoding() { return this; },
    resume() { return this; },
    pause() { return this; },
    ref() { return this; },
    unref() { return this; },
    read() { return null; },
  });
  members.execArgv = [];
  members.title = 'node';
  members.release = { name: 'node' };
  members.features = {};
  members.config = { variables: {} };
  return members;
})
