---
to: out/yaml-boolean.txt
skip_if: true
---
written: boolean true is not the string true
