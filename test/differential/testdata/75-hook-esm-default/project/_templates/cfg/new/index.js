Object.defineProperty(exports, '__esModule', { value: true })
exports.default = {
  params: ({ args, h }) => ({ file: `${h.inflection.pluralize(args.name)}.json` }),
}
