---
inject: true
to: before.txt
before: "^gamma$"
---
never inserted
