const { pascalCase, snakeCase, constantCase } = require('change-case')
const _ = require('lodash')
const kebab = require('lodash/kebabCase')

module.exports = {
  params: ({ args }) => ({
    className: pascalCase(args.name) + 'Service',
    table: snakeCase(args.name),
    envPrefix: constantCase(args.name),
    file: kebab(args.name),
    methods: _.sortBy(_.uniq(String(args.methods).split(','))),
    chunks: JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2)),
  }),
}
