// Globals Node 20 has beyond the language: installed by webglobals.go only
// in runtimes whose code names one. Buffer does the encoding work.
(function (Buffer, URL, URLSearchParams) {
  'use strict';
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return new Uint8Array(Buffer.from(String(input), 'utf8')); }
  }
  class TextDecoder {
    constructor(label = 'utf-8') {
      const l = String(label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        throw new RangeError('The "' + label + '" encoding is not supported (hypergen decodes utf-8 only)');
      }
    }
    get encoding() { return 'utf-8'; }
    decode(input) {
      if (input === undefined) return '';
      const view = ArrayBuffer.isView(input) ? input : new Uint8Array(input);
      return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('utf8');
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
      else if (ArrayBuffer.isView(v)) out = new v.constructor(v);
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
