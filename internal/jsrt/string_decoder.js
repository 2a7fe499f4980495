// Node's string_decoder module: a StringDecoder keeps the bytes of a
// character split across writes (utf8, utf16le) or of an unfinished base64
// group until the rest comes, and end() writes what is left (an unfinished
// utf8 character as U+FFFD).
(function (exports) {
  'use strict';
  const names = { utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le',
    latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url', hex: 'hex', ascii: 'ascii' };
  // utf8Held is how many bytes at the end of b begin a character that
  // needs more.
  function utf8Held(b) {
    for (let back = 1; back <= Math.min(3, b.length); back++) {
      const c = b[b.length - back];
      if ((c & 0xc0) === 0x80) continue; // a continuation byte
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }
  function held(encoding, b) {
    switch (encoding) {
      case 'utf8': return utf8Held(b);
      case 'utf16le': {
        let n = b.length % 2;
        // A lead surrogate waits for its pair.
        if (b.length - n >= 2) {
          const unit = b[b.length - n - 2] | (b[b.length - n - 1] << 8);
          if (unit >= 0xd800 && unit <= 0xdbff) n += 2;
        }
        return n;
      }
      case 'base64': case 'base64url': return b.length % 3;
    }
    return 0;
  }
  class StringDecoder {
    constructor(encoding) {
      const e = names[String(encoding === undefined ? 'utf8' : encoding).toLowerCase()];
      if (!e) {
        const err = new TypeError('Unknown encoding: ' + encoding);
        err.code = 'ERR_UNKNOWN_ENCODING';
        throw err;
      }
      this.encoding = e;
      this._rest = Buffer.alloc(0);
    }
    write(buf) {
      if (typeof buf === 'string') return buf;
      const b = this._rest.length ? Buffer.concat([this._rest, Buffer.from(buf)]) : Buffer.from(buf);
      const keep = held(this.encoding, b);
      this._rest = b.subarray(b.length - keep);
      return b.subarray(0, b.length - keep).toString(this.encoding);
    }
    end(buf) {
      const s = buf === undefined ? '' : this.write(buf);
      const rest = this._rest;
      this._rest = Buffer.alloc(0);
      if (!rest.length) return s;
      return s + (this.encoding === 'utf8' ? '\ufffd' : rest.toString(this.encoding));
    }
  }
  exports.StringDecoder = StringDecoder;
})
