---
to: src/commands/<%= name %>.js
---
exports.command = '<%= name %>'
exports.describe = '<%= describe %>'
exports.builder = (yargs) => yargs.option('force', { type: 'boolean' })
exports.handler = async (argv) => {
  console.log('<%= name %>', argv.force ? '(forced)' : '')
}
