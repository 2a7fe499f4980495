// hygen's Logger: the `logger` of the configuration that .hygen.js helpers
// receive, writing through console.log as hygen's does. Like the rest of
// hypergen's output it has no colours (hygen's chalk adds none either when
// stdout is not a terminal). colorful prints what hygen's prints: hygen
// hands chalk itself to chalk's template tag, which joins its arguments,
// so the text comes out after "[object Function]", markup and all.
(function (console) {
  class Logger {
    constructor(log) {
      this.log = log
    }
    colorful(msg) {
      this.log(['[object Function]', msg].join(' '))
    }
    notice(msg) {
      this.log('' + msg)
    }
    warn(msg) {
      this.log('' + msg)
    }
    err(msg) {
      this.log('' + msg)
    }
    ok(msg) {
      this.log('' + msg)
    }
  }
  return new Logger(console.log.bind(console))
})
