---
to: config/<%= name %>.json
---
{ "port": <%= port %>, "region": "<%= region %>", "argv": "<%= argv %>" }
