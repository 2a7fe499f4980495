---
to: config.json
force: true
---
{ "generated": true }
