---
to: locales/en.json
inject: true
before: "^}"
skip_if: "\"<%= name %>\":"
---
  ,"<%= name %>": <%- JSON.stringify(en) %>