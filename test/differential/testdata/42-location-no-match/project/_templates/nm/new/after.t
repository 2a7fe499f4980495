---
inject: true
to: after.txt
after: "^gamma$"
---
inserted at the top
