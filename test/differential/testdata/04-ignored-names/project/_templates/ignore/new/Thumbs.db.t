---
to: kept/Thumbs.db.t.txt
---
kept: Thumbs.db.t
