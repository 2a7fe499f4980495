---
to: _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t
---
---
to: app/hello.js
---
// This file was written by the "<%= name %>" generator. Its template is
// _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t: edit it, add more
// templates beside it, and run `hypergen <%= name %> <%= action || 'new' %> --name Thing`.
export const greeting = 'Hello, <%%= name %%>!'

console.log(greeting)
