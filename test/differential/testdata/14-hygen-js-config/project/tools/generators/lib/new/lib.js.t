---
to: lib/<%= name %>.js
---
<%- h.banner(`${name} by ${author}, ${license}`) %>
module.exports = {}
