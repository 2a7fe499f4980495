const { execSync, execFileSync, spawnSync } = require('child_process')

const describe = (e) => [e.code, e.signal, e.status, typeof e.pid, Buffer.isBuffer(e.stdout)].join(',')

module.exports = {
  params: () => {
    const out = {}
    try {
      execSync('head -c 2000000 /dev/zero')
    } catch (e) {
      out.tooMuch = describe(e) + ',' + e.message
    }
    try {
      execSync('yes', { maxBuffer: 1000 })
    } catch (e) {
      out.small = describe(e)
    }
    out.infinite = execSync('head -c 1500000 /dev/zero', { maxBuffer: Infinity }).length
    const missing = spawnSync('no-such-program-hypergen')
    out.missing = [missing.error.code, missing.error.message, missing.status, missing.signal, missing.pid, missing.stdout === null, missing.output === null].join(',')
    const denied = spawnSync(__filename)
    out.denied = [denied.error.code, denied.error.message.replace(__filename, 'FILE'), denied.pid].join(',')
    try {
      execFileSync('no-such-program-hypergen')
    } catch (e) {
      out.missingFile = [e.code, e.message].join(',')
    }
    try {
      execSync('exit 3', { stdio: 'pipe' })
    } catch (e) {
      out.failed = describe(e)
    }
    out.maxBuffer = [0, null, undefined, -1, NaN, '10', 5, Infinity].map((maxBuffer) => {
      try {
        return execSync('echo hi; head -c 1100000 /dev/zero', { maxBuffer }).length
      } catch (e) {
        return e.code + ' ' + e.message
      }
    }).join(' | ')
    try {
      out.together = execSync('head -c 700000 /dev/zero; head -c 700000 /dev/zero >&2', { stdio: 'pipe' }).length
    } catch (e) {
      out.together = e.code
    }
    out.stderrInherited = JSON.stringify(execSync('echo out; echo err >&2', { stdio: ['pipe', 'pipe', 'inherit'], encoding: 'utf8' }))
    const killed = spawnSync('sh', ['-c', 'kill -TERM $$'])
    out.killed = [killed.status, killed.signal, killed.error === undefined].join(',')
    return out
  },
}
