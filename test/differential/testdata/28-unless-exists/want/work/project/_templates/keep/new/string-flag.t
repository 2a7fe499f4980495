---
to: string-flag.txt
unless_exists: "true"
---
generated string-flag
