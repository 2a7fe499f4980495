---
to: src/<%= name %>.test.ts
---
test("<%= name %>");
