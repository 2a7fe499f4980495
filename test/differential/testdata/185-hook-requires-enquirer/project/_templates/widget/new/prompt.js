// The hook asks with enquirer itself, required from the project's
// node_modules, rather than with the prompter hygen passes it.
const { prompt } = require('enquirer');
const Enquirer = require('enquirer');

module.exports = {
  prompt: async () => ({
    ...(await prompt([{ type: 'input', name: 'name', message: 'Widget name:', initial: 'Widget' }])),
    instance: typeof new Enquirer().prompt,
  }),
};
