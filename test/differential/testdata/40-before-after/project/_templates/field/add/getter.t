---
inject: true
to: src/user.ts
before: "^\\s+default:"
eof_last: false
---
    case '<%= h.changeCase.camel(name) %>':
      return u.<%= h.changeCase.camel(name) %>;
