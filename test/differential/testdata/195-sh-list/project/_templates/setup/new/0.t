---
sh: []
to: empty-list.txt
---
an empty sh list is skipped
