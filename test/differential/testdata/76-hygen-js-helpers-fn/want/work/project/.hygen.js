let calls = 0
module.exports = {
  localsDefaults: { owner: 'nobody', team: 'core' },
  helpers: (locals, config) => {
    calls += 1
    return {
      call: () => calls,
      rawName: () => String(locals.name),
      hasAttrs: () => locals.attributes !== undefined,
      root: () => require('path').basename(config.templates),
      hasHelpersFn: () => typeof config.helpers === 'function',
    }
  },
}
