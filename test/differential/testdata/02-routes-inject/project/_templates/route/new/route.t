---
inject: true
to: src/routes.ts
before: "// hygen:routes"
skip_if: "'<%= path %>'"
---
router.<%= method %>('<%= path %>', <%= h.changeCase.camel(name) %>);
