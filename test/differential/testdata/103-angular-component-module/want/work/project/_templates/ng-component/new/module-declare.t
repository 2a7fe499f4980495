---
to: src/app/app.module.ts
inject: true
after: "declarations: \\["
---
    <%= h.changeCase.pascalCase(name) %>Component,