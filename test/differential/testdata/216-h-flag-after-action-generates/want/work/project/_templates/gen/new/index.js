module.exports = {
  params: ({ args }) => ({ hookSawH: args.h }),
}
