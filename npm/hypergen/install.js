'use strict';
// postinstall: hard-link the platform package's executables over the
// launcher in bin/, so node_modules/.bin/hypergen (a link to bin/hypergen)
// runs the binary directly, without starting Node.js first. The sibling
// executables land next to it, where hypergen looks for them.
//
// Nothing here is fatal: where it does not link (Windows, whose npm shims
// run bin files with node; a missing platform package; a binary that does
// not run here), the JavaScript launcher stays and works, or explains.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { binDir } = require('./lib/platform.js');

function main() {
  if (process.platform === 'win32') {
    return;
  }
  let from;
  try {
    from = binDir();
  } catch (err) {
    console.warn(`hypergen: ${err.message}`);
    return;
  }
  // A linked binary that cannot execute (a noexec mount, a wrong
  // architecture) would be worse than the launcher.
  const probe = spawnSync(path.join(from, 'hypergen'), ['version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    console.warn(`hypergen: keeping the Node.js launcher: ${path.join(from, 'hypergen')} does not run here`);
    return;
  }
  const to = path.join(__dirname, 'bin');
  for (const name of fs.readdirSync(from)) {
    const tmp = path.join(to, `.${name}.tmp`);
    fs.rmSync(tmp, { force: true });
    try {
      fs.linkSync(path.join(from, name), tmp);
    } catch {
      fs.copyFileSync(path.join(from, name), tmp); // another file system
      fs.chmodSync(tmp, 0o755);
    }
    fs.renameSync(tmp, path.join(to, name));
  }
}

main();
