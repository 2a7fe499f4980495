const { pascalCase, camelCase, constantCase } = require('change-case')

module.exports = {
  params: ({ args }) => ({ typeName: pascalCase(args.name), field: camelCase(args.name), enumName: constantCase(args.name) }),
}
