module.exports = {
  params: async ({ args }) => {
    const lookup = Promise.reject(new Error('no schedule on record'))
    await Promise.resolve()
    const schedule = await lookup.catch(() => '@daily')
    return { schedule }
  },
}
