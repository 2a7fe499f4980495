require('isomorphic-fetch')

module.exports = {
  params: ({ args }) => ({ endpoint: `/api/${args.name}`, hasFetch: typeof fetch === 'function' }),
}
