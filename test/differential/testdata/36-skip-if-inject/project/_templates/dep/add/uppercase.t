---
inject: true
to: uppercase.json
skip_if: "\"<%= name %>\""
after: "\"dependencies\": {"
eof_last: false
---
    "<%= name %>": "<%- version %>",
