---
to: src/schema.graphql
inject: true
append: true
---
type <%= h.capitalize(name) %> { id: ID! }
extend type Query { <%= h.inflection.pluralize(name) %>: [<%= h.capitalize(name) %>!]! }
