const inquirer = require('inquirer')

module.exports = {
  params: async () => {
    const answers = await inquirer.prompt([
      {
        type: 'list',
        name: 'runtime',
        message: 'Runtime?',
        choices: [{ name: 'Node.js 20', value: 'node20' }, new inquirer.Separator(), { name: 'Go 1.26', value: 'go126' }],
        default: 'go126',
      },
    ])
    return { ...answers, summary: JSON.stringify(answers) }
  },
}
