// The Buffer encodings goja_nodejs lacks (it reads and writes utf8, hex and
// base64): latin1 (binary), ascii, utf16le (ucs2) and base64url, in
// buf.toString, Buffer.from and Buffer.byteLength, as Node 20 reads and
// writes them. It
// evaluates to a function of the Buffer constructor, which it extends.
(function (Buffer) {
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
  const toString = Buffer.prototype.toString;
  Object.defineProperty(Buffer.prototype, 'toString', {
    value: function (encoding, start, end) {
      const e = encoding === undefined ? undefined : own(encoding);
      if (!e) return toString.apply(this, arguments);
      const len = this.length;
      const from = start === undefined ? 0 : Math.min(len, Math.max(0, Math.trunc(start) || 0));
      const to = end === undefined ? len : Math.min(len, Math.max(0, Math.trunc(end) || 0));
      return to <= from ? '' : decode(e, this.subarray(from, to));
    },
    writable: true, configurable: true,
  });
  const from = Buffer.from;
  Buffer.from = function (value, encoding) {
    const e = typeof value === 'string' && encoding !== undefined ? own(encoding) : undefined;
    return e ? encode(e, value) : from.apply(this, arguments);
  };
  const byteLength = Buffer.byteLength;
  Buffer.byteLength = function (value, encoding) {
    const e = typeof value === 'string' && encoding !== undefined ? own(encoding) : undefined;
    return e ? encode(e, value).length : byteLength.apply(this, arguments);
  };
})
