'use strict';
// Which npm package holds the native executables for a platform, and where
// they are once installed. Used by the launcher (bin/hypergen), the
// postinstall step (install.js) and scripts/npm-packages, which builds the
// packages named here.
const path = require('node:path');

// "process.platform process.arch" → package. Each package declares the
// matching os/cpu, so npm installs only the one for the machine.
const PACKAGES = {
  'linux x64': '@hypergen-dev/linux-x64',
  'linux arm64': '@hypergen-dev/linux-arm64',
  'darwin x64': '@hypergen-dev/darwin-x64',
  'darwin arm64': '@hypergen-dev/darwin-arm64',
  'win32 x64': '@hypergen-dev/win32-x64',
  'win32 arm64': '@hypergen-dev/win32-arm64',
};

function packageFor(platform = process.platform, arch = process.arch) {
  const pkg = PACKAGES[`${platform} ${arch}`];
  if (!pkg) {
    const supported = Object.keys(PACKAGES).map((k) => k.replace(' ', '/')).join(', ');
    throw new Error(`no prebuilt hypergen for ${platform}/${arch} (prebuilt: ${supported}); ` +
      'build it from source with: go install github.com/hypergen-dev/hypergen@latest');
  }
  return pkg;
}

// binDir is the folder of the installed platform package's executables.
function binDir(platform = process.platform, arch = process.arch) {
  const pkg = packageFor(platform, arch);
  let manifest;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`${pkg}, the package with hypergen's binary for ${platform}/${arch}, is not installed: ` +
      'it is an optional dependency, so reinstall without --omit=optional (--no-optional), ' +
      `or add ${pkg} at the same version yourself`);
  }
  return path.join(path.dirname(manifest), 'bin');
}

function executable(name, platform = process.platform, arch = process.arch) {
  return path.join(binDir(platform, arch), platform === 'win32' ? `${name}.exe` : name);
}

module.exports = { PACKAGES, packageFor, binDir, executable };
