---
inject: true
to: prepend.txt
prepend: true
---
PREPENDED
