---
inject: true
to: after.txt
after: "a\\nend\\n"
---
AFTER (multi-line match ends after the first "end" line)
