---
to: helpers.txt
---
<%
// Node 22's matchesGlob and the win32 flavour are left out: hypergen has neither.
const skip = ['matchesGlob', 'win32']
const describe = (fn) => JSON.stringify(fn.name) + '/' + fn.length
-%>
capitalize <%- describe(h.capitalize) %>
<% for (const group of ['inflection', 'changeCase', 'path']) {
     for (const key of Object.keys(h[group]).filter((k) => !skip.includes(k))) {
       const value = h[group][key] -%>
<%- group %>.<%- key %> <%- typeof value === 'function' ? describe(value) : typeof value %>
<%   }
   } -%>
