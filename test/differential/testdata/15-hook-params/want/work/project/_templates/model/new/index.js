module.exports = {
  params: ({ args, h }) => ({
    name: args.name.trim(),
    table: h.inflection.tableize(h.changeCase.pascal(args.name)),
    seenFlag: args.table,
  }),
}
