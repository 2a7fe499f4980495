---
inject: true
to: before.txt
before: "b\\nend"
---
BEFORE (multi-line match starts on "section: b")
