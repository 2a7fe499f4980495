module.exports = {
  params: () => {
    process.env.FROM_HOOK = 'hook ' + process.env.FROM_CONFIG
    return {}
  },
}
