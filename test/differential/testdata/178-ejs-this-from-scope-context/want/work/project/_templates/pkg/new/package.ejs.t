---
to: packages/<%= name %>/package.json
---
{ "name": "<%= scope %>/<%= name %>", "this": "<%= String(this) %>", "type": "<%= typeof this %>", "context": "<%= typeof context === 'undefined' ? 'none' : context %>" }
