module.exports = [
  { type: 'input', name: 'name', message: 'Feature name?' },
  { type: 'select', name: 'kind', message: 'Kind?', choices: ['page', 'widget', 'service'] },
  { type: 'confirm', name: 'withTests', message: 'Tests?' },
  { type: 'multiselect', name: 'routes', message: 'Routes?', choices: ['cart', 'pay', 'done'] },
  { type: 'numeral', name: 'priority', message: 'Priority?' },
]
