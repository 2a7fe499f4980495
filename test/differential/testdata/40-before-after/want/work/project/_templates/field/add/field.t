---
inject: true
to: src/user.ts
after: "^export interface User \\{$"
eof_last: false
---
  <%= h.changeCase.camel(name) %>: <%= type %>;
