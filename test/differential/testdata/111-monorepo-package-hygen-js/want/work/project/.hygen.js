module.exports = {
  templates: `${__dirname}/tools/templates`,
  helpers: {
    scoped: (name) => '@acme/' + name,
    year: () => 2024,
  },
  localsDefaults: {
    license: 'MIT',
    description: 'TODO',
  },
}
