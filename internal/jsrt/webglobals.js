// Globals Node 20 has beyond the language: installed by webglobals.go only
// in runtimes whose code names one. Buffer does the encoding work.
(function (Buffer, URL, URLSearchParams) {
  'use strict';
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return new Uint8Array(Buffer.from(String(input), 'utf8')); }
    // encodeInto writes the whole characters that fit into dest.
    encodeInto(src, dest) {
      let read = 0, written = 0;
      for (const ch of String(src)) {
        const bytes = Buffer.from(ch, 'utf8');
        if (written + bytes.length > dest.length) break;
        dest.set(bytes, written);
        written += bytes.length;
        read += ch.length;
      }
      return { read, written };
    }
  }
  // utf8Scan reads b as the WHATWG UTF-8 decoder does: whether every
  // sequence is well formed, and where a sequence the end cut short, but
  // well formed so far, begins (b.length when none is).
  function utf8Scan(b) {
    let valid = true;
    for (let i = 0; i < b.length;) {
      const c = b[i];
      let need, lo = 0x80, hi = 0xbf;
      if (c < 0x80) { i++; continue; }
      if (c >= 0xc2 && c <= 0xdf) need = 1;
      else if (c >= 0xe0 && c <= 0xef) { need = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
      else if (c >= 0xf0 && c <= 0xf4) { need = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
      else { valid = false; i++; continue; }
      let j = 1;
      for (; j <= need && i + j < b.length; j++) {
        const d = b[i + j];
        if (d < (j === 1 ? lo : 0x80) || d > (j === 1 ? hi : 0xbf)) break;
      }
      if (j > need) { i += j; continue; }
      if (i + j === b.length) return [valid, i];
      valid = false;
      i += j;
    }
    return [valid, b.length];
  }
  // TextDecoder as Node's for UTF-8: a byte order mark at the start of a
  // stream is dropped (unless ignoreBOM), {stream: true} keeps a sequence
  // cut at the end of a chunk for the next, and fatal throws on bytes that
  // are no UTF-8 where they would otherwise each read as U+FFFD.
  class TextDecoder {
    #fatal; #ignoreBOM; #pending = new Uint8Array(0); #started = false;
    constructor(label = 'utf-8', options = {}) {
      const l = String(label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        throw new RangeError('The "' + label + '" encoding is not supported (hypergen decodes utf-8 only)');
      }
      this.#fatal = Boolean(options && options.fatal);
      this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input, options) {
      let bytes = input === undefined ? new Uint8Array(0) : ArrayBuffer.isView(input) ?
        new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
      if (this.#pending.length > 0) {
        const joined = new Uint8Array(this.#pending.length + bytes.length);
        joined.set(this.#pending);
        joined.set(bytes, this.#pending.length);
        bytes = joined;
      }
      const stream = Boolean(options && options.stream);
      let [valid, end] = utf8Scan(bytes);
      if (stream) {
        this.#pending = bytes.slice(end);
      } else {
        this.#pending = new Uint8Array(0);
        valid = valid && end === bytes.length;
        end = bytes.length;
      }
      if (!valid && this.#fatal) {
        this.#started = false;
        const e = new TypeError('The encoded data was not valid for encoding utf-8');
        e.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
        throw e;
      }
      let text = Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('utf8');
      if (!this.#started && text.length > 0) {
        if (!this.#ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        this.#started = true;
      }
      if (!stream) this.#started = false;
      return text;
    }
  }
  function invalidCharacter() {
    const e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    return e;
  }
  // goja_nodejs's Buffer has no latin1, so the bytes are the char codes.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function btoa(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    const s = String(data);
    let out = '';
    for (let i = 0; i < s.length; i += 3) {
      const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
      if (a > 0xff || b > 0xff || c > 0xff) throw invalidCharacter();
      out += alphabet[a >> 2] + alphabet[((a & 3) << 4) | (b >> 4 || 0)] +
        (i + 1 < s.length ? alphabet[((b & 15) << 2) | (c >> 6 || 0)] : '=') +
        (i + 2 < s.length ? alphabet[c & 63] : '=');
    }
    return out;
  }
  function atob(data) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    let s = String(data).replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw invalidCharacter();
    let out = '', bits = 0, n = 0;
    for (const ch of s) {
      bits = (bits << 6) | alphabet.indexOf(ch);
      n += 6;
      if (n >= 8) { n -= 8; out += String.fromCharCode((bits >> n) & 0xff); }
    }
    return out;
  }
  function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      const e = new TypeError('The "callback" argument must be of type function. Received ' + (callback === null ? 'null' : typeof callback === 'object' ? 'an instance of ' + callback.constructor.name : typeof callback));
      e.code = 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    Promise.resolve().then(() => callback());
  }
  function structuredClone(value) {
    if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
    const seen = new Map();
    const clone = (v) => {
      if (typeof v === 'function' || typeof v === 'symbol') {
        const e = new Error(String(v) + ' could not be cloned.');
        e.name = 'DataCloneError';
        throw e;
      }
      if (v === null || typeof v !== 'object') return v;
      if (seen.has(v)) return seen.get(v);
      let out;
      if (v instanceof Date) out = new Date(v.getTime());
      else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
      // A Buffer comes back a Uint8Array, as from Node's serializer.
      else if (ArrayBuffer.isView(v)) out = Buffer.isBuffer(v) ? new Uint8Array(v) : new v.constructor(v);
      else if (v instanceof Map) { out = new Map(); seen.set(v, out); for (const [k, x] of v) out.set(clone(k), clone(x)); return out; }
      else if (v instanceof Set) { out = new Set(); seen.set(v, out); for (const x of v) out.add(clone(x)); return out; }
      else if (Array.isArray(v)) { out = new Array(v.length); seen.set(v, out); for (const k of Object.keys(v)) out[k] = clone(v[k]); return out; }
      else if (v instanceof Error) { out = new v.constructor(v.message); seen.set(v, out); if ('cause' in v) out.cause = clone(v.cause); return out; }
      else { out = {}; seen.set(v, out); for (const k of Object.keys(v)) out[k] = clone(v[k]); return out; }
      seen.set(v, out);
      return out;
    };
    return clone(value);
  }
  const origin = Date.now();
  const performance = { timeOrigin: origin, now: () => Date.now() - origin };

  // Node 20's String.prototype.isWellFormed and toWellFormed (ES2024): a
  // surrogate without its pair is what makes a string ill-formed.
  const loneSurrogates = (s) => {
    const at = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      else if ((c & 0xf800) === 0xd800) at.push(i);
    }
    return at;
  };
  for (const [name, fn] of [
    ['isWellFormed', function isWellFormed() { return loneSurrogates(String(this)).length === 0; }],
    ['toWellFormed', function toWellFormed() {
      const s = String(this);
      let out = '', from = 0;
      for (const i of loneSurrogates(s)) { out += s.slice(from, i) + '\uFFFD'; from = i + 1; }
      return out + s.slice(from);
    }],
  ]) {
    if (!String.prototype[name]) Object.defineProperty(String.prototype, name, { value: fn, writable: true, configurable: true });
  }

  return { TextEncoder, TextDecoder, atob, btoa, queueMicrotask, structuredClone, performance, URL, URLSearchParams };
})
