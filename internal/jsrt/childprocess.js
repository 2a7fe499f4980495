// child_process's ChildProcess, the class of what the asynchronous calls
// return, which packages use as it is (execa returns one, holding the
// refusal, when spawn throws). Evaluates to a function of events'
// EventEmitter returning the class.
(function (EventEmitter) {
  'use strict';
  return class ChildProcess extends EventEmitter {
    constructor() {
      super();
      this.pid = undefined;
      this.stdin = this.stdout = this.stderr = null;
      this.stdio = [null, null, null];
      this.exitCode = null;
      this.signalCode = null;
      this.killed = false;
    }
    kill() { return false; }
    ref() {}
    unref() {}
  };
})
