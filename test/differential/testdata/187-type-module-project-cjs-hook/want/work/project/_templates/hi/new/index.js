module.exports = {
  params: ({ args }) => ({ who: args.name.toUpperCase() }),
}
