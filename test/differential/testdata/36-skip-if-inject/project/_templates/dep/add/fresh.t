---
inject: true
to: fresh.json
skip_if: "\"<%= name %>\""
after: "\"dependencies\": {"
eof_last: false
---
    "<%= name %>": "<%- version %>",
