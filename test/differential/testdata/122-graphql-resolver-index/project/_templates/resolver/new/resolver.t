---
to: src/resolvers/<%= name %>.js
---
module.exports = {
  Query: {
    <%= h.inflection.pluralize(name) %>: (_, __, { db }) => db.<%= h.inflection.pluralize(name) %>.findMany(),
  },
}
