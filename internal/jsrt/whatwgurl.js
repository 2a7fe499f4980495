// The WHATWG URL and URLSearchParams classes as Node 20 gives them. A URL's
// parsing and its setters are native's (whatwgurl.go); the search
// parameters, their application/x-www-form-urlencoded form and the tie
// between a URL and its searchParams are here.
(function (native) {
  'use strict';
  const custom = Symbol.for('nodejs.util.inspect.custom');
  function nodeError(Ctor, code, message, props) {
    const e = new Ctor(message);
    e.code = code;
    Object.assign(e, props);
    return e;
  }
  const missing = (names) => nodeError(TypeError, 'ERR_MISSING_ARGS',
    'The ' + names.map((n) => '"' + n + '"').join(' and ') + (names.length > 1 ? ' arguments' : ' argument') + ' must be specified');
  // A USVString: lone surrogates become U+FFFD, as Web IDL converts them.
  const usv = (v) => {
    const s = String(v);
    if (!/[\uD800-\uDFFF]/.test(s)) return s;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
        out += s[i] + s[++i];
      } else {
        out += (c & 0xF800) === 0xD800 ? '\uFFFD' : s[i];
      }
    }
    return out;
  };

  // The form serializer: letters, digits and *-._ stay, a space is "+",
  // every other byte of the UTF-8 is %XX.
  const formEncode = (s) => encodeURIComponent(s).replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const parse = (query) => query.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    return eq < 0 ? [native.formDecode(p), ''] : [native.formDecode(p.slice(0, eq)), native.formDecode(p.slice(eq + 1))];
  });
  const serialize = (list) => list.map(([n, v]) => formEncode(n) + '=' + formEncode(v)).join('&');

  let setList, linkTo; // URLSearchParams' private parts, for URL
  class URLSearchParams {
    #list = [];
    #url = null; // the handle of the URL whose query these are
    constructor(init = '') {
      if (init === null) return; // Node's, where the standard reads "null"
      if (typeof init === 'object' || typeof init === 'function') {
        if (typeof init[Symbol.iterator] === 'function') {
          for (const pair of init) {
            const p = pair !== null && typeof pair === 'object' && typeof pair[Symbol.iterator] === 'function' ? [...pair] : [];
            if (p.length !== 2) {
              throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
            }
            this.#list.push([usv(p[0]), usv(p[1])]);
          }
        } else {
          for (const k of Object.keys(init)) this.#list.push([usv(k), usv(init[k])]);
        }
        return;
      }
      const s = usv(init);
      this.#list = parse(s.startsWith('?') ? s.slice(1) : s);
    }
    static {
      setList = (p, list) => { p.#list = list; };
      linkTo = (p, handle) => { p.#url = handle; };
    }
    #update() {
      if (this.#url !== null) native.set(this.#url, 'search', serialize(this.#list));
    }
    get size() { return this.#list.length; }
    append(name, value) {
      if (arguments.length < 2) throw missing(['name', 'value']);
      this.#list.push([usv(name), usv(value)]);
      this.#update();
    }
    delete(name, value) {
      if (arguments.length < 1) throw missing(['name']);
      name = usv(name);
      const v = value === undefined ? undefined : usv(value);
      this.#list = this.#list.filter(([n, x]) => !(n === name && (v === undefined || x === v)));
      this.#update();
    }
    get(name) {
      if (arguments.length < 1) throw missing(['name']);
      name = usv(name);
      const hit = this.#list.find(([n]) => n === name);
      return hit === undefined ? null : hit[1];
    }
    getAll(name) {
      if (arguments.length < 1) throw missing(['name']);
      name = usv(name);
      return this.#list.filter(([n]) => n === name).map(([, v]) => v);
    }
    has(name, value) {
      if (arguments.length < 1) throw missing(['name']);
      name = usv(name);
      const v = value === undefined ? undefined : usv(value);
      return this.#list.some(([n, x]) => n === name && (v === undefined || x === v));
    }
    set(name, value) {
      if (arguments.length < 2) throw missing(['name', 'value']);
      name = usv(name);
      value = usv(value);
      const at = this.#list.findIndex(([n]) => n === name);
      if (at < 0) {
        this.#list.push([name, value]);
      } else {
        this.#list[at] = [name, value];
        this.#list = this.#list.filter(([n], i) => i <= at || n !== name);
      }
      this.#update();
    }
    sort() {
      // Stable, by code units, as the standard says.
      this.#list = this.#list.map((p, i) => [p, i])
        .sort(([a, i], [b, j]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : i - j)).map(([p]) => p);
      this.#update();
    }
    forEach(callback, thisArg) {
      if (typeof callback !== 'function') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function. Received ' + String(callback));
      }
      for (let i = 0; i < this.#list.length; i++) callback.call(thisArg, this.#list[i][1], this.#list[i][0], this);
    }
    // Live, as Node's: an item appended while iterating is seen.
    *entries() { for (let i = 0; i < this.#list.length; i++) yield [this.#list[i][0], this.#list[i][1]]; }
    *keys() { for (let i = 0; i < this.#list.length; i++) yield this.#list[i][0]; }
    *values() { for (let i = 0; i < this.#list.length; i++) yield this.#list[i][1]; }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return serialize(this.#list); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
    [custom](depth, options, inspect) {
      if (this.#list.length === 0) return 'URLSearchParams {}';
      return 'URLSearchParams { ' + this.#list.map(([n, v]) => inspect(n) + ' => ' + inspect(v)).join(', ') + ' }';
    }
  }

  const invalid = (input, base) => nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL',
    base === undefined ? { input } : { input, base });
  const parts = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search',
    'searchParams', 'hash'];
  class URL {
    #h;
    #params = null;
    constructor(input, base) {
      if (arguments.length === 0) throw missing(['url']);
      input = usv(input);
      if (base !== undefined) base = usv(base);
      const h = native.parse(input, base);
      if (h === null) throw invalid(input, base);
      this.#h = h;
    }
    static canParse(input, base) {
      if (arguments.length === 0) throw missing(['url']);
      return native.parse(usv(input), base === undefined ? undefined : usv(base)) !== null;
    }
    #reread() {
      if (this.#params !== null) setList(this.#params, parse(native.get(this.#h, 'query')));
    }
    get href() { return native.get(this.#h, 'href'); }
    set href(v) {
      v = usv(v);
      if (!native.set(this.#h, 'href', v)) throw invalid(v);
      this.#reread();
    }
    get origin() { return native.get(this.#h, 'origin'); }
    get protocol() { return native.get(this.#h, 'protocol'); }
    set protocol(v) { native.set(this.#h, 'protocol', usv(v)); }
    get username() { return native.get(this.#h, 'username'); }
    set username(v) { native.set(this.#h, 'username', usv(v)); }
    get password() { return native.get(this.#h, 'password'); }
    set password(v) { native.set(this.#h, 'password', usv(v)); }
    get host() { return native.get(this.#h, 'host'); }
    set host(v) { native.set(this.#h, 'host', usv(v)); }
    get hostname() { return native.get(this.#h, 'hostname'); }
    set hostname(v) { native.set(this.#h, 'hostname', usv(v)); }
    get port() { return native.get(this.#h, 'port'); }
    set port(v) { native.set(this.#h, 'port', usv(v)); }
    get pathname() { return native.get(this.#h, 'pathname'); }
    set pathname(v) { native.set(this.#h, 'pathname', usv(v)); }
    get search() { return native.get(this.#h, 'search'); }
    set search(v) {
      native.set(this.#h, 'search', usv(v));
      this.#reread();
    }
    get searchParams() {
      if (this.#params === null) {
        this.#params = new URLSearchParams(native.get(this.#h, 'query'));
        linkTo(this.#params, this.#h);
      }
      return this.#params;
    }
    get hash() { return native.get(this.#h, 'hash'); }
    set hash(v) { native.set(this.#h, 'hash', usv(v)); }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
    [custom](depth, options, inspect) {
      // Its parts as fields, under its name, as Node shows a URL.
      const shown = Object.create(shownAs);
      for (const k of parts) shown[k] = this[k];
      return inspect(shown, options);
    }
  }
  const shownAs = Object.create(Object.prototype, { constructor: { value: URL } });
  return { URL, URLSearchParams };
})
