---
to: index.html
inject: true
before: "<\/body>"
---
<a href="/<%= name %>">x</a>
