---
to: locales/fr.json
inject: true
before: "^}"
skip_if: "\"<%= name %>\":"
---
  ,"<%= name %>": <%- JSON.stringify(fr) %>