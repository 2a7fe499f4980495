---
inject: true
to: b.txt
after: line one
before: line three
---
after listed first -> after line one
