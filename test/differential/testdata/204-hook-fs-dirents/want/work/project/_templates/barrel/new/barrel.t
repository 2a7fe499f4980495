---
to: src/<%= name %>/index.js
---
// <%= readmeText %> (<%= readmeBytes %> bytes, buffer: <%= readmeIsBuffer %>), package <%= version %>
// other files: <%= files %>; stat: <%= statKinds %>; index: <%= hasIndex %>; missing: <%= missing %>
<% folders.forEach((f) => { -%>
export * from './<%= f %>'
<% }) -%>
