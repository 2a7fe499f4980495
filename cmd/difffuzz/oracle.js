'use strict'
// A long-lived hygen for difffuzz: runs hygen's own runner, configured as its
// bin.js configures it, once per JSON request line on stdin, answering one
// JSON line each. It saves node's start-up per tree. Anything it cannot do
// as the command line would — a question actually asked (the command line,
// with stdin empty, would wait for ever), an unhandled error — is answered
// with fallback: true, and difffuzz runs the real command line instead.
const path = require('path')
const readline = require('readline')

const hygenDir = process.argv[2]
const { runner, Logger } = require(path.join(hygenDir, 'dist', 'index.js'))
const execa = require(require.resolve('execa', { paths: [hygenDir] }))
const binJS = path.join(hygenDir, 'dist', 'bin.js')
const templates = path.join(hygenDir, 'src', 'templates')

let odd = ''
process.on('unhandledRejection', (e) => { odd = 'unhandled rejection: ' + e })
process.on('uncaughtException', (e) => { odd = 'uncaught exception: ' + e })

const answer = (o) => process.stdout.write(JSON.stringify(o) + '\n')

async function run(req) {
  odd = ''
  process.chdir(req.cwd)
  process.argv = [process.execPath, binJS, ...req.args]
  for (const k of Object.keys(process.env)) delete process.env[k]
  Object.assign(process.env, req.env)
  const out = []
  let asked
  const askedSignal = new Promise((resolve) => { asked = resolve })
  const ran = runner(req.args, {
    templates,
    cwd: req.cwd,
    logger: new Logger((...a) => out.push(a.join(' '))),
    debug: false,
    exec: (action, body) => {
      const opts = body && body.length > 0 ? { input: body } : {}
      return execa.command(action, Object.assign({}, opts, { shell: true }))
    },
    createPrompter: () => ({
      prompt: (qs) => {
        if (Array.isArray(qs) && qs.length === 0) return Promise.resolve({})
        asked()
        return new Promise(() => {})
      },
    }),
  }).then(({ success }) => ({ exit: success ? 0 : 1 }))
  const r = await Promise.race([ran, askedSignal.then(() => ({ fallback: 'a question was asked' }))])
  await new Promise((resolve) => setImmediate(resolve)) // let stray rejections surface
  if (odd && !r.fallback) r.fallback = odd
  r.output = out.join('\n')
  return r
}

const lines = readline.createInterface({ input: process.stdin })
let chain = Promise.resolve()
lines.on('line', (line) => {
  chain = chain.then(() => run(JSON.parse(line))).then(answer, (e) => answer({ fallback: 'oracle error: ' + e }))
})
