---
to: src/<%= name %>.ts
---
export class <%= Name %>Service {}
