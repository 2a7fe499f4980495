---
to: out/<%= name %>.ts
---
<%- include('../../_partials/header', { title: name }) -%>
