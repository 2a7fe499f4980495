---
to: out/rendered-false.txt
skip_if: "<%= !skip %>"
---
written: skip_if rendered false
