exports.command = 'sync'
exports.describe = 'Sync the cache'
exports.builder = (yargs) => yargs.option('force', { type: 'boolean' })
exports.handler = async (argv) => {
  console.log('sync', argv.force ? '(forced)' : '')
}
