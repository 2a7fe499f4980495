module.exports = [
  { type: 'select', name: 'kind', message: 'Kind of app?', choices: ['web', 'mobile', 'cli'] },
]
