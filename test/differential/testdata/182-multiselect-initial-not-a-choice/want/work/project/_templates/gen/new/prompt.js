// A public tree names "Service" in initial where the choice is "service".
module.exports = [
  {
    type: 'MultiSelect',
    name: 'blocks',
    message: 'Blocks:',
    initial: ['Controller', 'Service'],
    choices: [
      { name: 'Controller', value: 'controller' },
      { name: 'service', value: 'template' },
    ],
  },
];
