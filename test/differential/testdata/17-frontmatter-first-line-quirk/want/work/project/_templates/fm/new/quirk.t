--- draft
to: out/not-this.txt
---
to: out/middle.txt
---
tail
