module.exports = {
  helpers: (locals) => ({
    dir: () => 'apps/' + locals.name,
    isNext: () => locals.framework === 'next',
  }),
}
