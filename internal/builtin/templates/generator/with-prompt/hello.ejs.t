---
to: _templates/<%= name %>/<%= action || 'new' %>/hello.ejs.t
---
---
to: app/hello.js
---
// This file was written by the "<%= name %>" generator, which asks the
// questions in _templates/<%= name %>/<%= action || 'new' %>/prompt.js first
// (answer them with flags, e.g. --message Hi, or with --answers FILE.json).
export const message = <%%- JSON.stringify(message) %%>

console.log(message)
