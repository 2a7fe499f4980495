---
inject: true
to: unset.txt
after: top
---
unset: body kept, blank line follows
