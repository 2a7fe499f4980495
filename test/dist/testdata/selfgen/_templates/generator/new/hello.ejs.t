---
to: _templates/<%= name %>/new/hello.ejs.t
---
---
to: app/<%= name %>.js
---
// written by the <%= name %> generator
export const greeting = 'hello'
