---
to: src/graphql/<%= field %>.graphql
---
type <%= typeName %> {
  id: ID!
  kind: <%= enumName %>_KIND
}
