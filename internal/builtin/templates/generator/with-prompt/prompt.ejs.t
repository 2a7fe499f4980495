---
to: _templates/<%= name %>/<%= action || 'new' %>/prompt.js
---
// The questions of this action, in enquirer's format. Each answer becomes a
// template local of the same name; a flag of that name answers it instead.
// Types: input, confirm, numeral, select, multiselect, autocomplete, list,
// toggle, password.
module.exports = [
  {
    type: 'input',
    name: 'message',
    message: 'Which message should the file print?',
  },
]
