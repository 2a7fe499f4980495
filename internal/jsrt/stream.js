// Node's stream module as far as packages use it while loading: the legacy
// Stream class (an EventEmitter with pipe), which graceful-fs extends. Hooks
// run without I/O streams, so the stream classes that move data (Readable,
// Writable, Duplex, Transform, PassThrough) and pipeline and finished can
// be named and extended, but making or calling one throws, saying so.
(function (exports, module, EventEmitter) {
  'use strict';
  function Stream(opts) {
    EventEmitter.call(this, opts);
  }
  Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Stream, EventEmitter);
  Stream.prototype.pipe = function (dest) {
    const source = this;
    source.on('data', (chunk) => {
      if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
    });
    dest.on('drain', () => { if (source.readable && source.resume) source.resume(); });
    source.on('end', () => { if (dest.end) dest.end(); });
    dest.emit('pipe', source);
    return dest;
  };
  const unavailable = (name) => {
    const C = function () {
      throw new Error('stream.' + name + ' is not available in hypergen: hooks run without I/O streams');
    };
    Object.defineProperty(C, 'name', { value: name });
    Object.setPrototypeOf(C.prototype, Stream.prototype);
    Object.setPrototypeOf(C, Stream);
    return C;
  };
  for (const name of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough']) Stream[name] = unavailable(name);
  // Packages promisify these as they load (get-stream, under execa).
  for (const name of ['pipeline', 'finished']) {
    Stream[name] = function () {
      throw new Error('stream.' + name + ' is not available in hypergen: hooks run without I/O streams');
    };
  }
  Stream.Stream = Stream;
  module.exports = Stream;
})
