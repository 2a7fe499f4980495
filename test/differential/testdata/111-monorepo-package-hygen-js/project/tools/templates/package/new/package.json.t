---
to: packages/<%= name %>/package.json
---
{
  "name": "<%= h.scoped(name) %>",
  "version": "0.0.0",
  "description": "<%= description %>",
  "license": "<%= license %>",
  "main": "dist/index.js",
  "types": "dist/index.d.ts",
  "scripts": {
    "build": "tsc -p .",
    "test": "vitest run"
  }
}
