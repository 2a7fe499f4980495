const { v4: uuid, validate } = require('uuid')
const chalk = require('chalk')
const dayjs = require('dayjs')
const pluralize = require('pluralize')
const { EventEmitter } = require('events')

module.exports = {
  params: ({ args }) => {
    const bus = new EventEmitter()
    const heard = []
    bus.on('model', (m) => heard.push(m))
    bus.emit('model', args.name)
    return {
      idValid: validate(uuid()),
      label: chalk.bold.red(args.name),
      created: dayjs('2024-02-29T10:00:00').add(1, 'year').format('YYYY-MM-DD'),
      table: pluralize(args.name),
      heard: heard.join(','),
    }
  },
}
