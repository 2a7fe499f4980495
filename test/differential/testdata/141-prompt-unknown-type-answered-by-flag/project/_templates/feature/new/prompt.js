// inquirer-style questions, as older generators wrote them: enquirer has no
// checkbox type, but hygen does not ask a question a flag answers.
module.exports = [
  { type: 'checkbox', name: 'features', message: 'Features?', choices: ['auth', 'billing'] },
  { type: 'input', name: 'owner', message: 'Owner?' },
]
