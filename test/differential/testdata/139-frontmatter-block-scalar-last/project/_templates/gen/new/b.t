---
to: out/b.txt
y: >
  folded
  text
---
[<%- attributes.y %>]
