---
to: out/yaml-string.txt
skip_if: "true"
---
skipped
