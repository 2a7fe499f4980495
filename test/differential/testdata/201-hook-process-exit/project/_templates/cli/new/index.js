module.exports = {
  params: ({ args }) => {
    if (args.name === 'tool') {
      console.error('refusing to generate a tool')
      process.exit(1)
    }
    return {}
  },
}
