module.exports = {
  prompt: async ({ args }) => ({
    greek: (args.name.match(/\p{Script=Greek}+/u) || [''])[0],
    others: args.name.replace(/\P{L}/gu, '_'),
  }),
}
