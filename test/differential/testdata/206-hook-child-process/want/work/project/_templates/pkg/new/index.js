const { execSync, spawnSync } = require('child_process')

module.exports = {
  params: ({ args }) => {
    let failed
    try {
      execSync('exit 4', { stdio: 'pipe' })
    } catch (e) {
      failed = e.status
    }
    const spawned = spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 2'], { encoding: 'utf8' })
    return {
      author: execSync('echo $AUTHOR').toString().trim(),
      upper: execSync('tr a-z A-Z', { input: args.name, encoding: 'utf8' }),
      where: execSync('basename "$PWD"', { encoding: 'utf8' }).trim(),
      failed,
      spawned: [spawned.status, spawned.stdout.trim(), spawned.stderr.trim()].join('|'),
    }
  },
}
