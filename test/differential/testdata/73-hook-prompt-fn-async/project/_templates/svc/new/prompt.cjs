const path = require('path')
module.exports = {
  prompt: async ({ prompter, inquirer, args, h }) => {
    const same = prompter === inquirer && typeof prompter.prompt === 'function'
    await Promise.resolve()
    return {
      dir: path.join('services', h.changeCase.snakeCase(args.name)),
      shout: (s) => s.toUpperCase() + '!',
      same,
      fromFlag: args.dir,
    }
  },
}
