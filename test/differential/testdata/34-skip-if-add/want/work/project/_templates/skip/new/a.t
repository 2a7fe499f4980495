---
to: out/rendered-true.txt
skip_if: "<%= skip %>"
---
skipped
