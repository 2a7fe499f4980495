// What code rewritten by rewriteSyntax (esm.go) calls in place of the
// syntax goja cannot compile. Evaluates to a function of the module's
// require, returning the helpers for that module.
(function (load) {
  'use strict';
  // import()'s namespace: an ES module's exports (rewritten, they are its
  // namespace), or a CommonJS module's as default beside its own
  // properties, as Node makes it.
  const namespace = (m) => {
    if (m != null && m[Symbol.for('hypergen.esm')]) return m;
    return Object.assign({}, m !== null && (typeof m === 'object' || typeof m === 'function') ? m : {}, { default: m });
  };
  // import() takes a file: URL (pathToFileURL(file).href, as loaders of
  // config files write it), which require does not.
  const specifier = (spec) => {
    const s = String(spec);
    return s.startsWith('file:') ? load('url').fileURLToPath(s) : s;
  };
  return {
    __hypergen_import: (spec) => new Promise((resolve) => resolve(namespace(load(specifier(spec))))),
    // The values of an async or sync iterable, each awaited in turn: what
    // a for await … of loop runs over.
    __hypergen_asyncValues: async function asyncValues(iterable) {
      const isAsync = iterable != null && typeof iterable[Symbol.asyncIterator] === 'function';
      const it = isAsync ? iterable[Symbol.asyncIterator]() : iterable[Symbol.iterator]();
      const values = [];
      for (;;) {
        const r = await it.next();
        if (r.done) return values;
        values.push(isAsync ? r.value : await r.value);
      }
    },
  };
})
