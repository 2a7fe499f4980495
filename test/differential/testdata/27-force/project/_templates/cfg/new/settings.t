---
to: settings.json
force: true
unless_exists: true
---
{ "generated": "force beats unless_exists" }
