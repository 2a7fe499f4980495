const _ = require('lodash')

module.exports = {
  params: ({ args }) => {
    const keys = String(args.keys).split(',')
    const groups = _.groupBy(keys, (k) => (k.includes('.') ? k.split('.')[0] : 'root'))
    return {
      file: _.kebabCase(args.name),
      groups: _.mapValues(groups, (ks) => ks.map((k) => _.last(k.split('.')))),
      banner: _.template('<%= n %> keys')({ n: keys.length }),
    }
  },
}
