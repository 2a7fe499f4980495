---
inject: true
to: src/routes.ts
after: "^import .* from './handlers/"
skip_if: "handlers/<%= h.changeCase.camel(name) %>'"
eof_last: false
---
import { <%= h.changeCase.camel(name) %> } from './handlers/<%= h.changeCase.camel(name) %>';
