'use strict';
// The work of scripts/npm-packages:
//   node npm-packages.js VERSION RELEASE_DIR OUT_DIR "GOOS/GOARCH ..." "COMMAND ..."
// The package names come from the wrapper's own lib/platform.js, so the
// launcher and the packages cannot disagree.
const fs = require('node:fs');
const path = require('node:path');

const repo = path.join(__dirname, '..', '..');
const wrapperSrc = path.join(repo, 'npm', 'hypergen');
const { PACKAGES } = require(path.join(wrapperSrc, 'lib', 'platform.js'));

const [version, release, out, targets, commands] = process.argv.slice(2);
// npm needs a semantic version; release tags carry a leading "v".
const semver = version.replace(/^v/, '');
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(semver)) {
  console.error(`npm-packages: ${version} is not a semantic version (like v1.2.3 or v1.2.3-rc.1), which npm requires`);
  process.exit(2);
}
const nodeOS = { linux: 'linux', darwin: 'darwin', windows: 'win32' };
const nodeCPU = { amd64: 'x64', arm64: 'arm64' };
const wrapper = JSON.parse(fs.readFileSync(path.join(wrapperSrc, 'package.json'), 'utf8'));
const common = { version: semver, homepage: wrapper.homepage, repository: wrapper.repository };

function writeJSON(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

for (const target of targets.split(' ')) {
  const [goos, goarch] = target.split('/');
  const os = nodeOS[goos];
  const cpu = nodeCPU[goarch];
  const name = PACKAGES[`${os} ${cpu}`];
  if (!name) {
    console.error(`npm-packages: no npm package for ${target}`);
    process.exit(2);
  }
  const dir = path.join(out, name.split('/')[1]);
  const from = path.join(release, `hypergen_${version}_${goos}_${goarch}`);
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  for (const cmd of commands.split(' ')) {
    const exe = os === 'win32' ? `${cmd}.exe` : cmd;
    fs.copyFileSync(path.join(from, exe), path.join(dir, 'bin', exe));
    fs.chmodSync(path.join(dir, 'bin', exe), 0o755);
  }
  writeJSON(path.join(dir, 'package.json'), {
    name, ...common,
    description: `The ${os} ${cpu} binary of ${wrapper.name}; install ${wrapper.name}, not this`,
    os: [os], cpu: [cpu],
    files: ['bin'],
    preferUnplugged: true, // Yarn: keep the binary a real file
  });
  fs.writeFileSync(path.join(dir, 'README.md'),
    `# ${name}\n\nThe ${os}/${cpu} executables of [${wrapper.name}](https://www.npmjs.com/package/${wrapper.name}). Install that package instead.\n`);
}

const dir = path.join(out, 'hypergen');
fs.cpSync(wrapperSrc, dir, { recursive: true });
wrapper.version = semver;
wrapper.optionalDependencies = Object.fromEntries(Object.values(PACKAGES).map((p) => [p, semver]));
writeJSON(path.join(dir, 'package.json'), wrapper);
