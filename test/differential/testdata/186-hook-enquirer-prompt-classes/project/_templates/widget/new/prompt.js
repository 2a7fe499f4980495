// The hook asks with enquirer's prompt classes, required from the
// project's node_modules, rather than with the prompter hygen passes it.
const { Input, Select, prompt } = require('enquirer');
const Enquirer = require('enquirer');

module.exports = {
  prompt: async () => ({
    name: await new Input({ message: 'Widget name:', initial: 'Widget' }).run(),
    classes: [typeof Select, typeof Enquirer.MultiSelect, typeof Enquirer.Confirm, typeof Enquirer.confirm, typeof prompt.toggle].join(' '),
  }),
};
