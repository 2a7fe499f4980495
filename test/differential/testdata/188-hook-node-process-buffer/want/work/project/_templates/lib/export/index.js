// end-of-stream (under execa 1-4, pump and get-stream 5) binds
// process.nextTick as it loads.
const eos = require('end-of-stream')
const fs = require('fs')

module.exports = {
  params: ({ args }) => {
    const index = fs.readFileSync('src/index.ts') // no encoding: a Buffer
    process.env.HYPERGEN_CASE_PORT = 3000
    let ticked = 'no'
    process.nextTick(() => { ticked = 'yes' })
    return {
      exported: index.includes(`export * from "./${args.name}"`) ? 'already exported' : 'needs export',
      first: index.indexOf('export'),
      last: index.lastIndexOf('export'),
      head: index.slice(0, 6).toString(),
      port: process.env.HYPERGEN_CASE_PORT + 1,
      loaded: typeof eos,
      ticked: () => ticked,
    }
  },
}
