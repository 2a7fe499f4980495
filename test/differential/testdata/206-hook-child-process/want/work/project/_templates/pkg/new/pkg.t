---
to: packages/<%= name %>/package.json
---
{"name": "@demo/<%= name %>", "author": "<%= author %>", "const": "<%= upper %>", "cwd": "<%= where %>", "failed": <%= failed %>, "spawned": "<%= spawned %>"}
