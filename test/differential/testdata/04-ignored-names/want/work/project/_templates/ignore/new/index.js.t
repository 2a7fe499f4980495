---
to: kept/index.js.t.txt
---
kept: index.js.t
