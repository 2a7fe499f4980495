// Node's querystring module: parse and stringify (with decode and encode,
// their old names), escape and unescape, as Node 20 gives them: repeated
// keys become arrays, '+' is a space, a value that is not a string, a
// finite number, a bigint or a boolean is written empty, and bytes that are
// not UTF-8 decode to U+FFFD.
(function (exports, module, native) {
  'use strict';
  const escape = (s) => encodeURIComponent(s);
  const unescape = (s) => {
    try {
      return decodeURIComponent(s);
    } catch (e) {
      // As Node: every valid %XX is a byte, the rest stands for its own
      // UTF-8 bytes, and the bytes are read as UTF-8, U+FFFD for what is
      // not (whatwgurl.go's percentDecode, which URLSearchParams uses too).
      return native.percentDecode(s);
    }
  };
  const primitive = (v) => {
    switch (typeof v) {
      case 'string': return v;
      case 'number': return isFinite(v) ? String(v) : '';
      case 'bigint': return String(v);
      case 'boolean': return v ? 'true' : 'false';
    }
    return '';
  };
  function stringify(obj, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    const encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent : exports.escape;
    if (obj === null || typeof obj !== 'object') return '';
    const parts = [];
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      const key = encode(primitive(k)) + eq;
      if (Array.isArray(v)) {
        for (const item of v) parts.push(key + encode(primitive(item)));
      } else {
        parts.push(key + encode(primitive(v)));
      }
    }
    return parts.join(sep);
  }
  function parse(qs, sep, eq, options) {
    const out = Object.create(null);
    if (typeof qs !== 'string' || qs.length === 0) return out;
    sep = sep || '&';
    eq = eq || '=';
    const maxKeys = options && typeof options.maxKeys === 'number' ? options.maxKeys : 1000;
    const decode = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : exports.unescape;
    let pairs = qs.split(sep);
    if (maxKeys > 0) pairs = pairs.slice(0, maxKeys);
    for (const pair of pairs) {
      if (pair.length === 0) continue;
      const i = pair.indexOf(eq);
      const rawKey = i >= 0 ? pair.slice(0, i) : pair;
      const rawValue = i >= 0 ? pair.slice(i + eq.length) : '';
      const key = decode(rawKey.replace(/\+/g, ' '));
      const value = decode(rawValue.replace(/\+/g, ' '));
      if (!(key in out)) out[key] = value;
      else if (Array.isArray(out[key])) out[key].push(value);
      else out[key] = [out[key], value];
    }
    return out;
  }
  exports.escape = escape;
  exports.unescape = unescape;
  exports.stringify = exports.encode = stringify;
  exports.parse = exports.decode = parse;
})
