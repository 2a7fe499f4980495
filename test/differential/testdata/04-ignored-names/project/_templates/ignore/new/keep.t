---
to: kept/keep.t.txt
---
kept: keep.t
