// Records how Node orders paths with localeCompare (hygen's sort):
//   node internal/order/testdata/gen_golden.js
const names = ['b.t', 'B.t', 'b/c.t', 'a_b.t', 'a-b.t', 'a.b.t', 'a/b.t', 'a1.t', 'a10.t', 'a2.t', 'A.t',
  '_x.t', '-x.t', '.x.t', '0.t', 'z.t', 'Z.t', 'é.t', 'e.t', 'f.t', 'ab.t', 'aB.t', 'Ab.t', 'a b.t',
  'a~b.t', 'a+b.t', 'a(b).t', 'a@b.t', 'a$b.t', 'a!b.t', 'a#b.t', 'index.ejs.t', 'nested/deep/x.t',
  'nested/a.t', 'nested-a.t', 'nested_a.t', 'nested.a.t', 'ünïcode.t', 'ß.t', 'ss.t', '日本.t', 'x.T', 'x.t'];
const paths = names.map((n) => '/tmpl/gen/new/' + n);
const sorted = [...paths].sort((a, b) => a.localeCompare(b));
require('fs').writeFileSync(require('path').join(__dirname, 'golden.json'),
  JSON.stringify({ input: paths, sorted }, null, 1) + '\n');
