// Node's assert module, the parts packages call (glob, graceful-fs and
// enquirer assert their arguments): ok, the equal family, the deep
// comparisons, throws/rejects, match, fail, ifError, AssertionError and the
// strict variant. Messages name the values as Node's short messages do; Node
// also prints the asserting source line or a diff, which this does not.
(function (exports, module) {
  'use strict';
  const show = (v) => {
    if (typeof v === 'string') return "'" + v + "'";
    if (typeof v === 'function') return '[Function' + (v.name ? ': ' + v.name : ' (anonymous)') + ']';
    try {
      return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    } catch (e) {
      return String(v);
    }
  };

  const argError = (name, want, v) => {
    const e = new TypeError('The "' + name + '" argument must be of type ' + want + '. Received ' + (v === null ? 'null' : typeof v === 'object' ? 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object') : typeof v === 'undefined' ? 'undefined' : 'type ' + typeof v + ' (' + show(v) + ')'));
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  };

  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== 'object') throw argError('options', 'object', options);
      const o = options;
      super(o.message !== undefined ? String(o.message) : show(o.actual) + ' ' + o.operator + ' ' + show(o.expected));
      this.generatedMessage = o.message === undefined || o.generated === true;
      this.code = 'ERR_ASSERTION';
      this.actual = o.actual;
      this.expected = o.expected;
      this.operator = o.operator;
    }
    get name() { return 'AssertionError'; }
  }

  // fail throws message when it is an Error, else an AssertionError with
  // message, or defaultMessage (a generated one) when there is none.
  function fail(actual, expected, message, operator, defaultMessage) {
    if (message instanceof Error) throw message;
    const generated = message === undefined;
    throw new AssertionError({ actual, expected, operator, message: generated ? defaultMessage : message, generated });
  }

  function innerOk(args, fn) {
    if (args.length === 0) fail(undefined, true, undefined, '==', 'No value argument passed to `assert.' + fn + '()`');
    if (!args[0]) fail(args[0], true, args[1], '==', 'The expression evaluated to a falsy value');
  }

  const tag = (v) => Object.prototype.toString.call(v);

  // deepEqual compares as Node's isDeepStrictEqual (strict) or the legacy
  // deepEqual (loose: == for primitives, prototypes ignored). memo holds the
  // pairs being compared, so cycles end.
  function deepEqual(a, b, strict, memo) {
    const isObject = (v) => typeof v === 'object' && v !== null;
    if (strict ? Object.is(a, b) : a === b) return true;
    if (!isObject(a) || !isObject(b)) {
      // Loose: two primitives compare with ==; an object never equals a
      // primitive (new Number(1) and 1, [] and ''), as in Node.
      return !strict && !isObject(a) && !isObject(b) && (a == b || (a !== a && b !== b));
    }
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (tag(a) !== tag(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (a instanceof Date) {
      if (a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (a instanceof Error) {
      if (a.message !== b.message || a.name !== b.name) return false;
    } else if (a instanceof ArrayBuffer) {
      if (!deepEqual(new Uint8Array(a), new Uint8Array(b), strict, memo)) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!(strict ? Object.is(a[i], b[i]) : a[i] == b[i])) return false;
    } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
      if (!Object.is(a.valueOf(), b.valueOf())) return false;
    }
    for (const [x, y] of memo) if (x === a && y === b) return true;
    memo.push([a, b]);
    try {
      const ka = Object.keys(a), kb = Object.keys(b);
      if (ka.length !== kb.length) return false;
      for (const k of ka) {
        if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k], strict, memo)) return false;
      }
      if (strict) {
        const sa = Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s));
        const sb = Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s));
        if (sa.length !== sb.length) return false;
        for (const s of sa) if (!deepEqual(a[s], b[s], strict, memo)) return false;
      }
      if (a instanceof Map) {
        if (a.size !== b.size) return false;
        const rest = [...b];
        for (const [k, v] of a) {
          const i = rest.findIndex(([k2, v2]) => deepEqual(k, k2, strict, memo) && deepEqual(v, v2, strict, memo));
          if (i < 0) return false;
          rest.splice(i, 1);
        }
      } else if (a instanceof Set) {
        if (a.size !== b.size) return false;
        const rest = [...b];
        for (const v of a) {
          const i = rest.findIndex((v2) => deepEqual(v, v2, strict, memo));
          if (i < 0) return false;
          rest.splice(i, 1);
        }
      }
      return true;
    } finally {
      memo.pop();
    }
  }

  // matches reports whether a thrown error fits what throws() expects: a
  // constructor, a RegExp tested on the error's text, a validation function,
  // or an object whose properties the error must have.
  function matches(err, expected) {
    if (expected === undefined) return true;
    if (expected instanceof RegExp) return expected.test(String(err));
    if (typeof expected === 'function') {
      if (expected.prototype !== undefined && err instanceof expected) return true;
      if (Error.isPrototypeOf(expected) || expected === Error) return false;
      return expected.call({}, err) === true;
    }
    if (typeof expected === 'object' && expected !== null) {
      return Object.keys(expected).every((k) =>
        expected[k] instanceof RegExp && typeof err[k] === 'string' ? expected[k].test(err[k]) : deepEqual(err[k], expected[k], true, []));
    }
    return false;
  }

  // checkThrown fails throws() or rejects() when nothing was thrown or what
  // was thrown is not what was expected, with Node's messages.
  function checkThrown(threw, err, expected, message, fn) {
    if (typeof expected === 'string') {
      message = expected;
      expected = undefined;
    }
    if (!threw) {
      const name = typeof expected === 'function' && expected.name ? ' (' + expected.name + ')' : '';
      // Node passes this text as the message: generatedMessage is false.
      throw new AssertionError({ actual: undefined, expected, operator: fn,
        message: 'Missing expected ' + (fn === 'rejects' ? 'rejection' : 'exception') + name + (message ? ': ' + message : '.') });
    }
    if (!matches(err, expected)) {
      const what = typeof expected === 'function' && expected.prototype !== undefined && expected.name
        ? 'The error is expected to be an instance of "' + expected.name + '". Received "' + (err && err.constructor ? err.constructor.name : typeof err) + '"'
        : 'The error did not match what was expected';
      fail(err, expected, message, fn, what + (err && err.message ? '\n\nError message:\n\n' + err.message : ''));
    }
  }

  function makeAssert(strict) {
    const assert = function ok(...args) { innerOk(args, 'ok'); };
    assert.ok = function ok(...args) { innerOk(args, 'ok'); };
    assert.AssertionError = AssertionError;
    assert.fail = (message) => fail(undefined, undefined, message, 'fail', 'Failed');
    assert.strictEqual = (a, b, m) => { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', 'Expected values to be strictly equal: ' + show(a) + ' !== ' + show(b)); };
    assert.notStrictEqual = (a, b, m) => { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + show(b)); };
    assert.deepStrictEqual = (a, b, m) => { if (!deepEqual(a, b, true, [])) fail(a, b, m, 'deepStrictEqual', 'Expected values to be strictly deep-equal: ' + show(a) + ' !== ' + show(b)); };
    assert.notDeepStrictEqual = (a, b, m) => { if (deepEqual(a, b, true, [])) fail(a, b, m, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + show(b)); };
    if (strict) {
      assert.equal = assert.strictEqual;
      assert.notEqual = assert.notStrictEqual;
      assert.deepEqual = assert.deepStrictEqual;
      assert.notDeepEqual = assert.notDeepStrictEqual;
    } else {
      assert.equal = (a, b, m) => { if (!(a == b || (a !== a && b !== b))) fail(a, b, m, '=='); };
      assert.notEqual = (a, b, m) => { if (a == b || (a !== a && b !== b)) fail(a, b, m, '!='); };
      assert.deepEqual = (a, b, m) => { if (!deepEqual(a, b, false, [])) fail(a, b, m, 'deepEqual'); };
      assert.notDeepEqual = (a, b, m) => { if (deepEqual(a, b, false, [])) fail(a, b, m, 'notDeepEqual'); };
    }
    assert.throws = (fn, expected, message) => {
      if (typeof fn !== 'function') throw argError('fn', 'function', fn);
      let threw = false, err;
      try { fn(); } catch (e) { threw = true; err = e; }
      checkThrown(threw, err, expected, message, 'throws');
    };
    assert.doesNotThrow = (fn, message) => {
      try { fn(); } catch (e) { fail(e, undefined, typeof message === 'string' ? message : undefined, 'doesNotThrow', 'Got unwanted exception.\nActual message: "' + (e && e.message) + '"'); }
    };
    assert.rejects = async (p, expected, message) => {
      if (typeof p !== 'function' && !(p && typeof p.then === 'function')) throw argError('promiseFn', 'function or an instance of Promise', p);
      let threw = false, err;
      try { await (typeof p === 'function' ? p() : p); } catch (e) { threw = true; err = e; }
      checkThrown(threw, err, expected, message, 'rejects');
    };
    assert.doesNotReject = async (p, message) => {
      try { await (typeof p === 'function' ? p() : p); } catch (e) { fail(e, undefined, message, 'doesNotReject', 'Got unwanted rejection.\nActual message: "' + (e && e.message) + '"'); }
    };
    assert.match = (s, re, m) => { if (typeof s !== 'string' || !re.test(s)) fail(s, re, m, 'match', 'The input did not match the regular expression ' + re + '. Input: ' + show(s)); };
    assert.doesNotMatch = (s, re, m) => { if (typeof s !== 'string' || re.test(s)) fail(s, re, m, 'doesNotMatch', 'The input was expected to not match the regular expression ' + re + '. Input: ' + show(s)); };
    assert.ifError = (v) => {
      if (v === null || v === undefined) return;
      const what = v instanceof Error || (v && typeof v.message === 'string') ? v.message : show(v);
      throw new AssertionError({ actual: v, expected: null, operator: 'ifError', message: 'ifError got unwanted exception: ' + what });
    };
    return assert;
  }

  const assert = makeAssert(false);
  assert.strict = makeAssert(true);
  assert.strict.strict = assert.strict;
  module.exports = assert;
})
