module.exports = {
  params: async ({ args }) => {
    // Fire and forget: nothing waits on this promise, nothing catches it.
    Promise.reject(new Error('could not reach the scheduler'))
    return { schedule: args.name === 'nightly' ? '0 3 * * *' : '@hourly' }
  },
}
