// Object.prototype's legacy accessor methods (ECMAScript Annex B), which
// V8 has and goja does not: packages hooks load call them as they load
// (nconf, yargs 16). Installed by accessors.go only in runtimes whose code
// names one.
(function () {
  'use strict';
  const defineProperty = Object.defineProperty;
  const ownDescriptor = Object.getOwnPropertyDescriptor;
  const prototypeOf = Object.getPrototypeOf;
  function toObject(v) {
    if (v === undefined || v === null) throw new TypeError('Cannot convert undefined or null to object');
    return Object(v);
  }
  function key(p) { return typeof p === 'symbol' ? p : String(p); }
  function lookup(o, p, part) {
    for (o = toObject(o), p = key(p); o !== null; o = prototypeOf(o)) {
      const d = ownDescriptor(o, p);
      if (d) return d[part];
    }
    return undefined;
  }
  const methods = {
    __defineGetter__(p, getter) {
      if (typeof getter !== 'function') throw new TypeError('Object.prototype.__defineGetter__: Expecting function');
      defineProperty(toObject(this), key(p), { get: getter, enumerable: true, configurable: true });
    },
    __defineSetter__(p, setter) {
      if (typeof setter !== 'function') throw new TypeError('Object.prototype.__defineSetter__: Expecting function');
      defineProperty(toObject(this), key(p), { set: setter, enumerable: true, configurable: true });
    },
    __lookupGetter__(p) { return lookup(this, p, 'get'); },
    __lookupSetter__(p) { return lookup(this, p, 'set'); },
  };
  for (const name of Object.keys(methods)) {
    if (!(name in Object.prototype)) {
      defineProperty(Object.prototype, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
    }
  }
})
