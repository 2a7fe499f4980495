// The hook asks with enquirer's prompt classes, required from the
// project's node_modules, rather than with the prompter hygen passes it.
const { Input, Select, prompt } = require('enquirer');
const Enquirer = require('enquirer');

module.exports = {
  prompt: async () => {
    const name = await new Input({ message: 'Widget name:', initial: 'Widget' }).run();
    // An instance's prompt gathers its answers.
    const e = new Enquirer();
    const same = (await e.prompt([])) === e.answers;
    return {
      name,
      classes: [typeof Select, typeof Enquirer.MultiSelect, typeof Enquirer.Confirm, typeof Enquirer.confirm, typeof prompt.toggle, same].join(' '),
    };
  },
};
