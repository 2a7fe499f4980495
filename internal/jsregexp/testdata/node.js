// Prints, for each case of cases.json, what V8 finds: the first match's
// index (in UTF-16 code units) and text, "null", or "error". Run with
// `node testdata/node.js > testdata/node.json` to refresh node.json.
const cases = require('./cases.json');
const out = cases.map(([p, f, s]) => {
  try {
    const m = new RegExp(p, f).exec(s);
    return m ? { index: m.index, match: m[0] } : null;
  } catch (e) {
    return 'error';
  }
});
console.log(JSON.stringify(out, null, 1));
