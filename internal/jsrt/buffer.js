// What goja_nodejs's Buffer lacks or does otherwise than Node 20: the
// encodings latin1 (binary), ascii, utf16le (ucs2) and base64url (it reads
// and writes utf8, hex and base64), in buf.toString, Buffer.from and
// Buffer.byteLength; searching (indexOf, lastIndexOf, includes), fill with
// text, slice, copy, compare, allocUnsafe and isEncoding; and the
// deprecated Buffer(arg) calls. It evaluates to a function of the Buffer
// constructor, which it extends, returning the Buffer to export.
(function (Buffer, native) {
  'use strict';
  const own = (encoding) => {
    switch (String(encoding).toLowerCase()) {
      case 'latin1': case 'binary': return 'latin1';
      case 'ascii': return 'ascii';
      case 'utf16le': case 'utf-16le': case 'ucs2': case 'ucs-2': return 'utf16le';
      case 'base64url': return 'base64url';
    }
  };
  const decode = (encoding, b) => {
    const chars = (codeOf, step) => {
      let s = '';
      for (let i = 0; i + step <= b.length; i += step) s += String.fromCharCode(codeOf(i));
      return s;
    };
    switch (encoding) {
      case 'latin1': return chars((i) => b[i], 1);
      case 'ascii': return chars((i) => b[i] & 0x7f, 1);
      case 'utf16le': return chars((i) => b[i] | (b[i + 1] << 8), 2);
    }
    return toString.call(b, 'base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const encode = (encoding, s) => {
    const bytes = [];
    switch (encoding) {
      case 'latin1': case 'ascii':
        for (let i = 0; i < s.length; i++) bytes.push(s.charCodeAt(i) & 0xff);
        return from.call(Buffer, bytes);
      case 'utf16le':
        for (let i = 0; i < s.length; i++) bytes.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
        return from.call(Buffer, bytes);
    }
    return from.call(Buffer, s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  };
  // goja_nodejs's encodings, as it spells them: Node takes any case.
  const lower = (encoding) => typeof encoding === 'string' ? encoding.toLowerCase() : encoding;
  const toString = Buffer.prototype.toString;
  Object.defineProperty(Buffer.prototype, 'toString', {
    value: function (encoding, start, end) {
      // goja_nodejs's reads any other receiver as String(receiver), which
      // for a Proxy of a Buffer calls this again, without end.
      if (!ArrayBuffer.isView(this)) {
        throw new TypeError('Method get TypedArray.prototype.length called on incompatible receiver ' + Object.prototype.toString.call(this));
      }
      const e = encoding === undefined ? undefined : own(encoding);
      if (!e) return arguments.length > 0 ? toString.call(this, lower(encoding), start, end) : toString.call(this);
      const len = this.length;
      const from = start === undefined ? 0 : Math.min(len, Math.max(0, Math.trunc(start) || 0));
      const to = end === undefined ? len : Math.min(len, Math.max(0, Math.trunc(end) || 0));
      return to <= from ? '' : decode(e, this.subarray(from, to));
    },
    writable: true, configurable: true,
  });
  const from = Buffer.from;
  Buffer.from = function (value, encoding) {
    // Node takes a string's encoding only when it is a non-empty string,
    // and throws for one it does not know; goja_nodejs read it as utf8,
    // so buf.indexOf('x', 'bogus') searched on.
    if (typeof value === 'string' && typeof encoding === 'string' && encoding !== '' && !Buffer.isEncoding(encoding)) {
      const err = new TypeError('Unknown encoding: ' + encoding);
      err.code = 'ERR_UNKNOWN_ENCODING';
      throw err;
    }
    const e = typeof value === 'string' && encoding !== undefined ? own(encoding) : undefined;
    if (typeof value === 'string' && (e === 'base64url' || lower(encoding) === 'base64')) {
      // Node skips what is not of the alphabet (white space, a line
      // break of wrapped text); goja_nodejs decoded nothing.
      value = value.replace(/[^A-Za-z0-9+/\-_=]/g, '');
    }
    if (e) return encode(e, value);
    return typeof value === 'string' && arguments.length > 1 ? from.call(this, value, lower(encoding)) : from.apply(this, arguments);
  };
  // What map, filter and subarray make a Buffer with: a length, or a
  // memory and where the view of it starts and ends. goja_nodejs's
  // constructor refuses a length.
  Object.defineProperty(Buffer, Symbol.species, {
    value: function species(...args) { return typeof args[0] === 'number' ? Buffer.alloc(args[0]) : from.apply(Buffer, args); },
    configurable: true,
  });
  const byteLength = Buffer.byteLength;
  Buffer.byteLength = function (value, encoding) {
    const e = typeof value === 'string' && encoding !== undefined ? own(encoding) : undefined;
    if (e) return encode(e, value).length;
    return typeof value === 'string' && arguments.length > 1 ? byteLength.call(this, value, lower(encoding)) : byteLength.apply(this, arguments);
  };

  // What goja_nodejs leaves to Uint8Array's methods, which search for one
  // element (buf.includes('text') was false) or make a Buffer of a length
  // (buf.slice threw), and what it lacks: Node 20's semantics, offsets
  // included (lib/buffer.js and src/node_buffer.cc describe them).
  const method = (name, value) =>
    Object.defineProperty(Buffer.prototype, name, { value, writable: true, configurable: true });
  const isBytes = (v) => v instanceof Uint8Array;
  const needBytes = (name, v) => {
    if (!isBytes(v)) throw new TypeError(`The "${name}" argument must be an instance of Buffer or Uint8Array.`);
  };
  // Where a search starts: a negative offset counts from the end; one out of
  // the buffer searches all of it or nothing, by direction.
  const searchStart = (length, offset, needleLength, forward) => {
    if (offset < 0) {
      if (offset + length >= 0) return length + offset;
      return forward || needleLength === 0 ? 0 : -1;
    }
    if (offset + needleLength <= length) return offset;
    if (needleLength === 0) return length;
    return forward ? -1 : length - 1;
  };
  const search = (buf, value, byteOffset, encoding, forward) => {
    if (typeof byteOffset === 'string') {
      encoding = byteOffset;
      byteOffset = undefined;
    }
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buf.length;
    byteOffset = Math.trunc(byteOffset);
    let needle;
    if (typeof value === 'number') needle = [value & 0xff];
    else if (typeof value === 'string') needle = Buffer.from(value, encoding === undefined ? 'utf8' : encoding);
    else if (isBytes(value)) needle = value;
    else throw new TypeError('The "value" argument must be one of type number or string or an instance of Buffer or Uint8Array.');
    const n = needle.length;
    const start = searchStart(buf.length, byteOffset, n, forward);
    if (n === 0) return start;
    if (start < 0 || buf.length === 0) return -1;
    return native.search(buf, needle instanceof Uint8Array ? needle : Uint8Array.from(needle), start, forward);
  };
  method('indexOf', function (value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, true); });
  method('lastIndexOf', function (value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, false); });
  method('includes', function (value, byteOffset, encoding) { return search(this, value, byteOffset, encoding, true) !== -1; });
  // A view of the same memory, as Node's (Uint8Array's slice copies).
  method('slice', function (start, end) { return this.subarray(start, end); });

  const fill = Buffer.prototype.fill;
  method('fill', function (value, offset, end, encoding) {
    if (typeof value !== 'string' && !isBytes(value)) return fill.apply(this, arguments);
    if (typeof offset === 'string') {
      encoding = offset;
      offset = undefined;
      end = undefined;
    } else if (typeof end === 'string') {
      encoding = end;
      end = undefined;
    }
    const from = offset === undefined ? 0 : offset;
    const to = end === undefined ? this.length : end;
    if (from < 0 || to > this.length) throw new RangeError('The value of "offset" is out of range.');
    if (from >= to) return this;
    if (typeof value === 'string' && value.length === 0) return fill.call(this, 0, from, to);
    // A copy: the pattern may be a view of the bytes being filled.
    const pattern = typeof value === 'string' ? Buffer.from(value, encoding === undefined ? 'utf8' : encoding) : Uint8Array.from(value);
    if (pattern.length === 0) throw new TypeError(`The argument 'value' is invalid. Received ${JSON.stringify(value)}`);
    for (let i = from; i < to; i++) this[i] = pattern[(i - from) % pattern.length];
    return this;
  });

  const integer = (v, fallback) => (v === undefined ? fallback : Math.trunc(+v) || 0);
  method('copy', function (target, targetStart, sourceStart, sourceEnd) {
    needBytes('target', target);
    targetStart = integer(targetStart, 0);
    sourceStart = integer(sourceStart, 0);
    sourceEnd = integer(sourceEnd, this.length);
    if (targetStart < 0) throw new RangeError(`The value of "targetStart" is out of range. It must be >= 0. Received ${targetStart}`);
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new RangeError(`The value of "sourceStart" is out of range. It must be >= 0 && <= ${this.length}. Received ${sourceStart}`);
    }
    if (sourceEnd < 0) throw new RangeError(`The value of "sourceEnd" is out of range. It must be >= 0. Received ${sourceEnd}`);
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    const n = Math.min(sourceEnd - sourceStart, target.length - targetStart, this.length - sourceStart);
    if (n <= 0) return 0;
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart); // as memmove: set copies overlapping views whole
    return n;
  });

  const compare = (a, b) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  };
  if (!Buffer.allocUnsafe) Buffer.allocUnsafe = Buffer.allocUnsafeSlow = (size) => Buffer.alloc(size);
  Buffer.isEncoding = (encoding) => typeof encoding === 'string' &&
    ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'ascii', 'latin1', 'binary', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']
      .includes(encoding.toLowerCase());
  Buffer.compare = function (a, b) {
    needBytes('buf1', a);
    needBytes('buf2', b);
    return compare(a, b);
  };
  // Node's validateOffset: an integer from 0 to max, or its error.
  const offset = (v, name, fallback, max) => {
    if (v === undefined) return fallback;
    let e;
    if (typeof v !== 'number') {
      e = new TypeError(`The "${name}" argument must be of type number. Received type ${typeof v} (${typeof v === 'string' ? `'${v}'` : String(v)})`);
      e.code = 'ERR_INVALID_ARG_TYPE';
    } else if (!Number.isInteger(v)) {
      e = new RangeError(`The value of "${name}" is out of range. It must be an integer. Received ${v}`);
      e.code = 'ERR_OUT_OF_RANGE';
    } else if (v < 0 || v > max) {
      e = new RangeError(`The value of "${name}" is out of range. It must be >= 0 && <= ${max}. Received ${v}`);
      e.code = 'ERR_OUT_OF_RANGE';
    }
    if (e) throw e;
    return v;
  };
  const kMaxLength = 4294967296;
  method('compare', function (target, targetStart, targetEnd, sourceStart, sourceEnd) {
    needBytes('target', target);
    const ts = offset(targetStart, 'targetStart', 0, kMaxLength), te = offset(targetEnd, 'targetEnd', target.length, target.length);
    const ss = offset(sourceStart, 'sourceStart', 0, kMaxLength), se = offset(sourceEnd, 'sourceEnd', this.length, this.length);
    if (ss >= se) return ts >= te ? 0 : -1;
    if (ts >= te) return 1;
    return compare(this.subarray(ss, se), target.subarray(ts, te));
  });
  // Buffer(arg) and new Buffer(arg), deprecated but still called by old
  // packages: a size is Buffer.alloc's zeroed buffer, anything else
  // Buffer.from's (goja_nodejs refuses a size). Node warns once (DEP0005),
  // for a call from outside node_modules among the first hundred.
  let warned = false, checks = 0;
  const legacy = (args) => {
    if (!warned && ++checks <= 100 && !native.fromNodeModules()) {
      warned = true;
      native.warning('Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), ' +
        'Buffer.allocUnsafe(), or Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
    }
    const [arg, encodingOrOffset, length] = args;
    if (typeof arg === 'number') {
      if (typeof encodingOrOffset === 'string') {
        const e = new TypeError(`The "string" argument must be of type string. Received type number (${arg})`);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
      }
      return Buffer.alloc(arg);
    }
    return Buffer.from(arg, encodingOrOffset, length);
  };
  const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];
  const hasInstance = (v) => ordinaryHasInstance.call(Buffer, v);
  const Legacy = new Proxy(Buffer, {
    construct: (target, args) => legacy(args),
    apply: (target, self, args) => legacy(args),
    // goja's instanceof refuses a Proxy of a function as its right side.
    get: (target, key, receiver) => (key === Symbol.hasInstance ? hasInstance : Reflect.get(target, key, receiver)),
  });
  Object.defineProperty(Buffer.prototype, 'constructor', { value: Legacy, writable: true, configurable: true });
  return Legacy;
})
