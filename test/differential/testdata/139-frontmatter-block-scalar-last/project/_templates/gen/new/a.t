---
to: out/a.txt
x: |
  one
---
[<%- attributes.x %>]
