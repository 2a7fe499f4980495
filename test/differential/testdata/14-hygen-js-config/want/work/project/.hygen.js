module.exports = {
  templates: `${__dirname}/tools/generators`,
  helpers: {
    banner: (s) => `/* ${s} */`,
  },
  localsDefaults: {
    name: 'core',
    license: 'MIT',
    author: 'nobody',
  },
}
