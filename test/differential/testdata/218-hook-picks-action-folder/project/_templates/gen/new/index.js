module.exports = {
  params: ({ args }) => ({ actionfolder: '_templates/gen/' + args.variant, subaction: '^/o' }),
}
