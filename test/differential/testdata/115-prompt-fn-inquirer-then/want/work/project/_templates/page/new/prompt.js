const questions = [
  { type: 'input', name: 'title', message: 'Page title?' },
  { type: 'select', name: 'layout', message: 'Layout?', choices: ['narrow', 'wide'] },
]
module.exports = {
  prompt: ({ inquirer, args, h }) =>
    inquirer
      .prompt(questions.filter((q) => args[q.name] === undefined))
      .then((answers) => ({ ...answers, slug: h.changeCase.paramCase(args.title), component: h.changeCase.pascalCase(args.title) + 'Page' })),
}
