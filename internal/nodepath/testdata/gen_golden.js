// Regenerates golden.json from Node's own path.posix:
//   node internal/nodepath/testdata/gen_golden.js
const p = require('path').posix;
const ins = ['', '/', '//', 'a', 'a/', '/a', '/a/', 'a/b/c', 'a//b', './a', '../a', 'a/../..', '/..',
  '/a/b/../../..', 'a/./b/.', 'foo.txt', '/x/foo.tar.gz', '.bashrc', '/x/.bashrc', '..', '...', 'a.',
  'a..', '.a.b', 'dir/', '.', '//a', '///a/b', 'a/b.c/', 'x/y.z.w/'];
const out = { normalize: {}, dirname: {}, basename: {}, extname: {}, parse: {}, isAbsolute: {} };
for (const i of ins) {
  for (const f of Object.keys(out)) out[f][i] = p[f](i);
}
const pairs = [['a', 'b'], ['/a', 'b'], ['a', '/b'], ['', ''], ['a/', ''], ['..', 'a'], ['/a/b', '../c'],
  ['a', '..', '..'], ['/', 'a']];
out.join = pairs.map((x) => [x, p.join(...x)]);
out.resolve = pairs.map((x) => [x, p.resolve('/cwd/dir', ...x)]);
out.relative = [['/a/b', '/a/c/d'], ['/a/b/c', '/a'], ['a', 'b'], ['/a', '/a'], ['/', '/x/y'], ['/x/y', '/'],
  ['a/b', 'a/b/c'], ['/ab', '/a']].map((x) => [x, p.relative(...x)]);
out.basenameExt = [['a.txt', '.txt'], ['a.txt', 'txt'], ['a.txt', 'a.txt'], ['aaa', 'a'], ['a', 'a'],
  ['dir/a.js/', '.js'], ['.js', '.js'], ['/x/foo.js', 'foo.js'], ['x/.js', '.js'], ['/a/b', '/a/b'], ['/a/b.js', 'b.js'],
  ['x/', 'x'], ['/', 'x'], ['dir/.bashrc', '.bashrc'], ['a/', 'a/'], ['a/b/', 'b'], ['b/', 'ab'], ['ab/', 'xab'],
  ['foo/', 'xo'], ['foo/', 'o'], ['foo//', 'oo'], ['x/ab', 'a/b'], ['a/b', 'x/a/b'], ['', 'a'], ['//', '/'],
  ['/', '/'], ['a', ''], ['é/', 'aé'], ['xé/', 'éé'], ['/a/ab', 'bab'], ['..', '.'], ['.', '.']].map((x) => [x, p.basename(...x)]);
out.format = [{ dir: '/a', base: 'b.c' }, { root: '/', name: 'x', ext: 'js' }, { root: '/', dir: '/', base: 'f' },
  { name: 'n', ext: '.e' }].map((x) => [x, p.format(x)]);
require('fs').writeFileSync(require('path').join(__dirname, 'golden.json'), JSON.stringify(out, null, 1) + '\n');
