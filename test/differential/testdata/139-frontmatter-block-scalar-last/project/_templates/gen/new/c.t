---
z: |-
  stripped
to: out/c.txt
w: |
  kept

---
[<%- attributes.z %>|<%- attributes.w %>]
