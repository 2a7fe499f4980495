---
to: package.json
inject: true
after: "\"workspaces\": \\["
eof_last: false
---
    "<%= h.dir() %>",
