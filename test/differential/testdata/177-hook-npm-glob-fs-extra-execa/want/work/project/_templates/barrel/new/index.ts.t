---
to: src/<%= name %>/index.ts
---
// <%= pkgName %>: <%= echoed %>
<% files.forEach(function (f) { -%>
export * from './<%= f.split('/').pop().replace(/\.ts$/, '') %>'
<% }) -%>
// <%= caught %> | O_WRONLY=<%= wronly %> SIGINT=<%= sigint %> ENOENT=<%= enoent %> deep=<%= deep %>
