---
to: out/invalid.txt
tags: [unclosed, list
---
never written
